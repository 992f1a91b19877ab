// forumls for VS Code: a thin client. It starts the forumls language server
// over stdio with vscode-languageclient and passes the `forumls.*` settings to
// it; every feature (outline, diagnostics, quick fixes) comes from the server.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;
let output;

function createClient() {
  const command = vscode.workspace.getConfiguration('forumls').get('path') || 'forumls';
  // TransportKind.stdio makes the client append `--stdio`; forumls accepts it.
  const serverOptions = { command, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'bbcode' },
      { scheme: 'untitled', language: 'bbcode' },
    ],
    // The server reads section `forumls` through workspace/configuration and
    // is told about changes with workspace/didChangeConfiguration.
    synchronize: {
      configurationSection: 'forumls',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.forumls.json'),
    },
    outputChannel: output,
    traceOutputChannel: output,
  };
  return new LanguageClient('forumls', 'forumls', serverOptions, clientOptions);
}

async function start() {
  client = createClient();
  try {
    await client.start();
  } catch (err) {
    const command = vscode.workspace.getConfiguration('forumls').get('path') || 'forumls';
    const choice = await vscode.window.showErrorMessage(
      `forumls: could not start the language server \`${command}\` (${err && err.message ? err.message : err}).`,
      'Open Settings');
    if (choice === 'Open Settings') {
      vscode.commands.executeCommand('workbench.action.openSettings', 'forumls.path');
    }
  }
}

async function stop() {
  if (client) {
    const old = client;
    client = undefined;
    try { await old.stop(); } catch (_) { /* already gone */ }
  }
}

async function restart() {
  await stop();
  await start();
}

async function activate(context) {
  output = vscode.window.createOutputChannel('forumls');
  context.subscriptions.push(output);
  context.subscriptions.push(vscode.commands.registerCommand('forumls.restartServer', restart));
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((event) => {
    // dialect and rules travel as settings; a new executable needs a new process.
    if (event.affectsConfiguration('forumls.path')) restart();
  }));
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
