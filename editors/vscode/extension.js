// The VS Code client of `imputa lsp`: starts the server on stdio (with
// `--library FILE` when the setting imputa.library names one), and shows the
// shipped library (imputa-library: documents, where "go to definition" leads
// for the library's words) read-only, as the server sends it.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('imputa');
  const serverOptions = {
    command: config.get('path', 'imputa'),
    args: ['lsp'].concat(config.get('library', '') ? ['--library', config.get('library')] : []),
  };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'imputa' }, { scheme: 'untitled', language: 'imputa' }],
    initializationOptions: { timeoutMs: config.get('timeoutMs', 10000) },
  };
  client = new LanguageClient('imputa', 'imputa', serverOptions, clientOptions);

  // The library: one read-only document, asked of the server once.
  let library;
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider('imputa-library', {
      provideTextDocumentContent: async () => {
        if (library === undefined) library = (await client.sendRequest('imputa/library', {})).text;
        return library;
      },
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.uri.scheme === 'imputa-library') vscode.languages.setTextDocumentLanguage(doc, 'imputa');
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('imputa')) {
        vscode.window.showInformationMessage('imputa: reload the window for the new settings to take effect.');
      }
    }),
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
