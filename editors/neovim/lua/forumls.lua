-- forumls for Neovim: filetype `bbcode` for *.bbcode, *.bbc, *.forum and the
-- forumls language server attached to it.  Client configuration only.
--
-- Works on Neovim 0.7 (vim.lsp.start_client + buf_attach_client, one client
-- per workspace root) and on 0.8+ (vim.lsp.start, which reuses clients itself).
--
--   require('forumls').setup()                       -- defaults
--   require('forumls').setup({
--     cmd = { '/opt/forumls/bin/forumls' },          -- default { 'forumls' }
--     dialect = 'phpbb',                             -- discuz (default), phpbb, vbulletin, xenforo, mybb
--     rules = { ['halfwidth-punctuation'] = 'warning', ['blank-lines'] = 'off' },
--   })
--
-- What you get: diagnostics as signs and virtual text (push diagnostics),
-- the outline with :lua vim.lsp.buf.document_symbol(), quick fixes with
-- :lua vim.lsp.buf.code_action() on the problem's line.

local M = {}

M.defaults = {
  name = 'forumls',
  cmd = { 'forumls' },
  filetypes = { 'bbcode' },
  extensions = { 'bbcode', 'bbc', 'forum' },
  -- Files that mark a workspace root; the file's directory is used otherwise.
  root_markers = { '.forumls.json', '.git' },
  dialect = 'discuz',
  rules = {},
}

local config = vim.deepcopy(M.defaults)
local clients_by_root = {} -- Neovim 0.7 only: root_dir -> client id

--- The settings object the server reads as section `forumls`
--- (answered from `workspace/configuration`, and sent once in
--- `workspace/didChangeConfiguration` after start-up).
function M.settings()
  local rules = config.rules
  if vim.tbl_isempty(rules) then rules = vim.empty_dict() end
  return { forumls = { dialect = config.dialect, rules = rules } }
end

--- The workspace root for a buffer: the nearest directory holding one of
--- `root_markers`, else the file's own directory.
function M.root_dir(bufnr)
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h')
  local d = dir
  while d and d ~= '' do
    for _, marker in ipairs(config.root_markers) do
      if vim.loop.fs_stat(d .. '/' .. marker) then return d end
    end
    local parent = vim.fn.fnamemodify(d, ':h')
    if parent == d then break end
    d = parent
  end
  return dir
end

local function client_config(bufnr)
  return {
    name = config.name,
    cmd = config.cmd,
    root_dir = M.root_dir(bufnr),
    settings = M.settings(),
    -- The language id the server expects, whatever the buffer's filetype is called.
    get_language_id = function() return 'bbcode' end,
    on_init = function(client)
      -- Neither 0.7 nor 0.8 sends didChangeConfiguration by itself.
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
      return true
    end,
  }
end

--- Start forumls for `bufnr` (default: current buffer) or attach the running
--- client of the same root.  Returns the client id, or nil when the command
--- could not be started (Neovim reports why).
function M.start(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local cfg = client_config(bufnr)
  if vim.lsp.start then -- 0.8+
    return vim.lsp.start(cfg, { bufnr = bufnr })
  end
  local id = clients_by_root[cfg.root_dir]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    id = vim.lsp.start_client(cfg)
    if not id then return nil end
    clients_by_root[cfg.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- Register the filetype for `extensions`.  Safe to call more than once.
function M.register_filetype()
  if vim.fn.has('nvim-0.8') == 1 and vim.filetype and vim.filetype.add then
    local map = {}
    for _, ext in ipairs(config.extensions) do map[ext] = config.filetypes[1] end
    vim.filetype.add({ extension = map })
  end
  -- Neovim 0.7 uses filetype.vim unless g:do_filetype_lua is set: an autocmd works on every version.
  local group = vim.api.nvim_create_augroup('forumls_filetype', { clear = true })
  local patterns = {}
  for _, ext in ipairs(config.extensions) do table.insert(patterns, '*.' .. ext) end
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
    group = group,
    pattern = patterns,
    command = 'setfiletype ' .. config.filetypes[1],
  })
end

--- Apply `opts` over the defaults, register the filetype, and start forumls
--- for every buffer of that filetype (including ones already open).
function M.setup(opts)
  config = vim.tbl_deep_extend('force', vim.deepcopy(M.defaults), opts or {})
  if opts and opts.rules then config.rules = opts.rules end
  M.register_filetype()
  local group = vim.api.nvim_create_augroup('forumls_start', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = config.filetypes,
    callback = function(args) M.start(args.buf) end,
  })
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(config.filetypes, vim.bo[buf].filetype) then
      M.start(buf)
    end
  end
end

return M
