-- forumls with nvim-lspconfig (instead of require('forumls').setup()).
-- Put this in your init.lua; nvim-lspconfig has no built-in entry for forumls.

-- The filetype: *.bbcode, *.bbc, *.forum -> bbcode (Neovim 0.8+; on 0.7 use
-- `autocmd BufRead,BufNewFile *.bbcode,*.bbc,*.forum setfiletype bbcode`).
vim.filetype.add({ extension = { bbcode = 'bbcode', bbc = 'bbcode', forum = 'bbcode' } })

local lspconfig = require('lspconfig')
local configs = require('lspconfig.configs')

if not configs.forumls then
  configs.forumls = {
    default_config = {
      cmd = { 'forumls' },
      filetypes = { 'bbcode' },
      root_dir = lspconfig.util.root_pattern('.forumls.json', '.git'),
      single_file_support = true,
      -- Answered to workspace/configuration (section "forumls").
      settings = { forumls = { dialect = 'discuz', rules = vim.empty_dict() } },
    },
    docs = {
      description = 'forumls: outline, diagnostics and clean-up for BBCode posts and scraped forum pages.',
    },
  }
end

lspconfig.forumls.setup({
  -- cmd = { '/opt/forumls/bin/forumls' },
  -- settings = { forumls = { dialect = 'phpbb', rules = { ['blank-lines'] = 'off' } } },
})
