-- Headless Neovim (0.7+) session driven by editors/tests/nvim_case.sh.
--
-- Loaded twice: with FORUMLS_PHASE=setup from --cmd (before the file is read,
-- so the FileType autocmd of editors/neovim/lua/forumls.lua starts the
-- server exactly as in a user's config), and with FORUMLS_PHASE=run from -c
-- (after the file is loaded), which does what a user does:
--   wait for diagnostics -> :lua vim.lsp.buf.document_symbol() (the outline
--   list) -> cursor on the first style-leak diagnostic ->
--   :lua vim.lsp.buf.code_action() and pick its quick fix in vim.ui.select.
-- Everything it sees goes to plain files in $FORUMLS_OUT (no JSON, so the
-- checks in run.sh need only a shell).  Every wait is bounded.

local uv = vim.loop
local OUT = assert(vim.env.FORUMLS_OUT, 'FORUMLS_OUT not set')

local function envnum(name, default) return tonumber(vim.env[name] or '') or default end

local function write(name, text)
  local f = assert(io.open(OUT .. '/' .. name, 'w'))
  f:write(text)
  f:close()
end

local function append(name, text)
  local f = assert(io.open(OUT .. '/' .. name, 'a'))
  f:write(text)
  f:close()
end

local function one_line(s) return (tostring(s):gsub('[\t\r\n]', ' ')) end

local function status(key, value) append('status.txt', key .. '\t' .. one_line(value) .. '\n') end

local function note(text) append('messages.txt', one_line(text) .. '\n') end

if vim.env.FORUMLS_PHASE == 'setup' then
  -- Keep what Neovim would show the user (start failures, "No code actions available", ...).
  _G.forumls_test = { publishes = 0, last_publish_ms = 0, last_published = 0, t0 = uv.hrtime() }
  local state = _G.forumls_test
  vim.notify = function(m, level)
    note('notify[' .. tostring(level or '') .. '] ' .. tostring(m))
    -- Neovim's own words when the server process ends or cannot be spawned.
    if tostring(m):match('^Client %d+ quit') or tostring(m):match('Spawning language server') then
      state.client_quit = tostring(m)
    end
  end
  local orig_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, cfg)
    if result and result.uri and vim.uri_to_fname(result.uri) == vim.env.FORUMLS_FILE then
      state.publishes = state.publishes + 1
      state.last_publish_ms = (uv.hrtime() - state.t0) / 1e6
      state.last_published = #(result.diagnostics or {})
    end
    return orig_publish(err, result, ctx, cfg)
  end
  vim.lsp.set_log_level('WARN')
  -- One rule switched off through the module's own `rules` option: run.sh checks that it reaches the server.
  require('forumls').setup({ cmd = { vim.env.FORUMLS_SERVER }, rules = { ['repeated-fragment'] = 'off' } })
  return
end

-- Phase "run".
local state = _G.forumls_test
local function now_ms() return (uv.hrtime() - state.t0) / 1e6 end
local DEADLINE = envnum('FORUMLS_DEADLINE_MS', 40000)
local INIT_MS = envnum('FORUMLS_INIT_MS', 10000)
local DIAG_MS = envnum('FORUMLS_DIAG_MS', 10000)
local REQ_MS = envnum('FORUMLS_REQUEST_MS', 5000)
local SETTLE_MS = 500
local function bounded(ms) return math.max(1, math.min(ms, DEADLINE - now_ms())) end

local finished = false
local function finish(code)
  if finished then return end
  finished = true
  for _, client in pairs(vim.lsp.get_active_clients()) do
    local t = now_ms()
    client.stop()
    vim.wait(2000, function() return client.is_stopped() end, 20)
    status('server_stopped', client.is_stopped() and string.format('yes %d ms', now_ms() - t) or 'no')
  end
  status('done', code)
  io.stdout:flush()
  if code == 0 then vim.cmd('qall!') else vim.cmd('cquit ' .. code) end
end

vim.defer_fn(function()
  if not finished then
    status('error', 'internal deadline reached')
    finish(124)
  end
end, DEADLINE)

local function text_of(bufnr) -- exactly the text Neovim sends in didOpen/didChange
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), '\n')
  if vim.bo[bufnr].eol then text = text .. '\n' end
  return text
end

-- Put the cursor on `target` (a vim.diagnostic item), run :lua vim.lsp.buf.code_action()
-- and pick the quick fix for that style-leak diagnostic in the vim.ui.select menu, as a
-- user would.  Status keys start with `key` (fix, fix2).  Returns true when the buffer changed.
local function quick_fix(bufnr, caps, target, key, actions_file)
  if not target then
    status(key .. '_error', 'no style-leak diagnostic to fix')
    return false
  elseif not caps.codeActionProvider then
    status(key .. '_error', 'the server does not advertise codeActionProvider')
    return false
  end
  status(key .. '_line', target.lnum + 1)
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
  local offered, chosen_title = false, nil
  local orig_select = vim.ui.select
  vim.ui.select = function(items, _, on_choice)
    offered = true
    local titles, pick, fallback = {}, nil, nil
    for _, tuple in ipairs(items) do
      local a = tuple[2]
      table.insert(titles, (a.kind or '-') .. '\t' .. one_line(a.title))
      local quickfix = type(a.kind) == 'string' and (a.kind == 'quickfix' or vim.startswith(a.kind, 'quickfix.'))
      local for_leak = false
      for _, ad in ipairs(a.diagnostics or {}) do
        -- The same problem: code, line and message (columns differ: bytes here, UTF-16 there).
        if ad.code == 'style-leak' and ad.range and ad.range.start.line == target.lnum
            and ad.message == target.message then for_leak = true end
      end
      if quickfix and not a.title:match('^Fix all') then
        if for_leak and (pick == nil or (a.isPreferred and not pick[2].isPreferred)) then pick = tuple end
        if fallback == nil and a.isPreferred then fallback = tuple end
      end
    end
    write(actions_file, table.concat(titles, '\n') .. (#titles > 0 and '\n' or ''))
    pick = pick or fallback
    if pick then chosen_title = pick[2].title end
    on_choice(pick)
  end
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.buf.code_action()
  vim.wait(bounded(REQ_MS), function() return offered end, 10)
  vim.ui.select = orig_select
  if not offered then
    status(key .. '_error', 'no code action menu within ' .. REQ_MS .. ' ms (see messages.txt)')
    return false
  elseif not chosen_title then
    status(key .. '_error', 'no quickfix for the style-leak diagnostic among the offered actions (' .. actions_file .. ')')
    return false
  end
  status(key .. '_title', chosen_title)
  vim.wait(bounded(2000), function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick end, 10)
  local changed = vim.api.nvim_buf_get_changedtick(bufnr) ~= tick
  status(key .. '_changed_buffer', changed and 'yes' or 'no')
  -- The server re-analyses after Neovim's (debounced) didChange.
  local n0 = state.publishes
  vim.wait(bounded(3000), function() return state.publishes > n0 end, 10)
  status('republished_after_' .. key, state.publishes > n0 and 'yes' or 'no')
  return changed
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  status('editor', 'nvim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch)
  status('filetype', vim.bo[bufnr].filetype)
  write('before.txt', text_of(bufnr))

  -- 1. The server: started by the FileType autocmd, initialized.
  local client
  vim.wait(bounded(INIT_MS), function()
    for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do client = c end
    return state.client_quit ~= nil or (client ~= nil and (client.initialized or client.is_stopped()))
  end, 10)
  if state.client_quit and not (client and client.initialized) then
    status('error', 'the server did not start: ' .. state.client_quit)
    return finish(3)
  end
  if not client then
    status('error', 'no language server attached and initialized within ' .. INIT_MS .. ' ms (not started, or no initialize answer; see messages.txt)')
    return finish(3)
  end
  status('client', client.name)
  if client.is_stopped() or not client.initialized then
    status('error', client.is_stopped() and 'the server exited during start-up' or 'no initialize response')
    return finish(4)
  end
  status('initialized', 'yes')
  local caps = client.server_capabilities or {}
  if client.server_info then status('server_info', (client.server_info.name or '?') .. ' ' .. (client.server_info.version or '')) end

  -- 2. Pushed diagnostics (Neovim 0.7 has no pull diagnostics), then a quiet period.
  vim.wait(bounded(DIAG_MS), function() return state.publishes > 0 or client.is_stopped() end, 10)
  if state.publishes > 0 then
    vim.wait(bounded(SETTLE_MS * 6), function() return now_ms() - state.last_publish_ms >= SETTLE_MS end, 10)
  end
  status('publishes', state.publishes)
  status('published_count', state.last_published)
  local diags = vim.diagnostic.get(bufnr)
  table.sort(diags, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  status('held_count', #diags)
  local rows = {}
  for _, d in ipairs(diags) do
    table.insert(rows, table.concat({ d.lnum + 1, d.col, (d.end_lnum or d.lnum) + 1, d.end_col or d.col,
      d.severity or '', one_line(d.code or ''), one_line(d.message or '') }, '\t'))
  end
  write('diagnostics.tsv', table.concat(rows, '\n') .. (#rows > 0 and '\n' or ''))

  -- 3. The outline, as :lua vim.lsp.buf.document_symbol() shows it (quickfix/location list).
  if not caps.documentSymbolProvider then
    status('outline_error', 'the server does not advertise documentSymbolProvider (Neovim would refuse the request)')
  else
    local answered, sym_err = false, nil
    local orig = vim.lsp.handlers['textDocument/documentSymbol']
    vim.lsp.handlers['textDocument/documentSymbol'] = function(err, result, ctx, cfg)
      answered, sym_err = true, err
      return orig(err, result, ctx, cfg)
    end
    vim.fn.setqflist({}, 'r')
    vim.lsp.buf.document_symbol()
    vim.wait(bounded(REQ_MS), function() return answered end, 10)
    vim.lsp.handlers['textDocument/documentSymbol'] = orig
    if not answered then
      status('outline_error', 'no documentSymbol answer within ' .. REQ_MS .. ' ms')
    elseif sym_err then
      status('outline_error', 'documentSymbol error: ' .. (sym_err.message or vim.inspect(sym_err)))
    end
    vim.cmd('silent! wincmd p')
    if vim.api.nvim_get_current_buf() ~= bufnr then vim.api.nvim_set_current_buf(bufnr) end
    local items = vim.fn.getloclist(0)
    if #items == 0 then items = vim.fn.getqflist() end
    local raw, names, lines = {}, {}, {}
    for _, it in ipairs(items) do
      local name = it.text:gsub('^%[[^%]]*%] ', '')
      table.insert(raw, string.format('%d:%d %s', it.lnum, it.col, it.text))
      table.insert(names, name)
      table.insert(lines, it.lnum .. '\t' .. name)
    end
    write('outline-lines.txt', table.concat(lines, '\n') .. (#lines > 0 and '\n' or ''))
    write('outline-raw.txt', table.concat(raw, '\n') .. (#raw > 0 and '\n' or ''))
    write('outline.txt', table.concat(names, '\n') .. (#names > 0 and '\n' or ''))
  end

  -- 4. Quick fix for the first style-leak diagnostic, the interactive way.
  local function sorted_diagnostics()
    local list = vim.diagnostic.get(bufnr)
    table.sort(list, function(a, b)
      if a.lnum ~= b.lnum then return a.lnum < b.lnum end
      return a.col < b.col
    end)
    return list
  end
  local target
  for _, d in ipairs(diags) do
    if d.code == 'style-leak' then target = d; break end
  end
  local fixed = quick_fix(bufnr, caps, target, 'fix', 'actions.txt')
  write('after.txt', text_of(bufnr))

  -- 5. A second style-leak quick fix, on a problem that starts after non-ASCII text: Neovim 0.7
  --    puts byte columns into the code-action context, the server must still find its diagnostic.
  if fixed then
    vim.wait(bounded(SETTLE_MS * 6), function() return now_ms() - state.last_publish_ms >= SETTLE_MS end, 10)
    local second
    for _, d in ipairs(sorted_diagnostics()) do
      local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ''
      if d.code == 'style-leak' and d.col > 0 and line:sub(1, d.col):find('[\128-\255]') then second = d; break end
    end
    if second then
      quick_fix(bufnr, caps, second, 'fix2', 'actions2.txt')
      write('after2.txt', text_of(bufnr))
    else
      status('fix2_error', 'no style-leak diagnostic after non-ASCII text on its line')
    end
  end
  finish(0)
end

local ok, err = xpcall(run, debug.traceback)
if not ok then
  status('error', 'Lua error: ' .. tostring(err))
  finish(1)
end
