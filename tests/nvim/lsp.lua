-- Neovim's built-in LSP client against `sysctl-lint server` (run by tests/neovim.rs;
-- written for Neovim 0.7, Debian 12's, and later). Opens a file as filetype
-- `sysctl`, waits for the diagnostics, asks for the code actions of one line and
-- applies the SL305 fix through the client, waits for the diagnostics of the
-- edited buffer, hovers on a key, and writes what it saw to $SYSCTL_LINT_OUT:
--   diag <line> <col> <severity> <code> <source>   (1-based, byte columns)
--   action <title>
--   line <text>                                      (lines 35-36 after the fix)
--   after <count>                                    (diagnostics after the fix)
--   hover <first line>
--   error <text>                                     (something went wrong)
local bin = os.getenv('SYSCTL_LINT_BIN')
local file = os.getenv('SYSCTL_LINT_FILE')
local out = assert(io.open(os.getenv('SYSCTL_LINT_OUT'), 'w'))

local function finish()
  out:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'sysctl'
  local client_id = vim.lsp.start_client({
    name = 'sysctl-lint',
    cmd = { bin, 'server' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(0, client_id)

  if not vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20) then
    error('no diagnostics within 20 s')
  end
  local before = vim.diagnostic.get(0)
  for _, d in ipairs(before) do
    out:write(string.format('diag %d %d %d %s %s\n', d.lnum + 1, d.col + 1, d.severity,
      tostring(d.code), tostring(d.source)))
  end

  -- Code actions of line 35 (an inline comment), applied through the client.
  local client = vim.lsp.get_client_by_id(client_id)
  local uri = vim.uri_from_bufnr(0)
  local lsp_diags = vim.lsp.diagnostic.get_line_diagnostics(0, 34)
  local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = 34, character = 0 }, ['end'] = { line = 34, character = 0 } },
    context = { diagnostics = lsp_diags },
  }, 10000)
  local fix
  for _, r in pairs(responses or {}) do
    for _, a in ipairs(r.result or {}) do
      out:write('action ' .. a.title .. '\n')
      if a.title:match('^SL305') then fix = a end
    end
  end
  assert(fix, 'no SL305 fix offered')
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  for _, l in ipairs(vim.api.nvim_buf_get_lines(0, 34, 36, false)) do
    out:write('line ' .. l .. '\n')
  end
  -- The client sends didChange; the server lints again after its pause.
  if not vim.wait(20000, function() return #vim.diagnostic.get(0) == #before - 1 end, 20) then
    error('the diagnostics were not updated after the edit: ' .. #vim.diagnostic.get(0))
  end
  out:write('after ' .. #vim.diagnostic.get(0) .. '\n')

  -- Hover on a key (line 2: net.ipv4.tcp_syncookies).
  local hovers = vim.lsp.buf_request_sync(0, 'textDocument/hover', {
    textDocument = { uri = uri },
    position = { line = 1, character = 4 },
  }, 10000)
  for _, r in pairs(hovers or {}) do
    if r.result and r.result.contents then
      local value = r.result.contents.value or ''
      out:write('hover ' .. (vim.split(value, '\n')[1] or '') .. '\n')
    end
  end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
end)
if not ok then
  out:write('error ' .. tostring(err):gsub('\n', ' ') .. '\n')
end
finish()
