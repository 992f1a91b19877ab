;;; forumls.el --- Forum markup (BBCode) mode using the forumls language server  -*- lexical-binding: t -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))
;; Keywords: languages, bbcode, forum
;; URL: https://example.invalid/forumls (see editors/README.md in the forumls repository)

;;; Commentary:

;; `bbcode-mode' for *.bbcode, *.bbc and *.forum files: font-lock for tags,
;; their arguments and URLs, and the forumls language server through Eglot
;; (built into Emacs 29; the `elpa-eglot' package or GNU ELPA on Emacs 27/28).
;;
;;   (add-to-list 'load-path "/path/to/forumls/editors/emacs")
;;   (require 'forumls)
;;   ;; optional:
;;   (setq forumls-program "/opt/forumls/bin/forumls"
;;         forumls-dialect "phpbb"
;;         forumls-rules '(("halfwidth-punctuation" . "warning") ("blank-lines" . "off")))
;;
;; What you get with Eglot 1.9: diagnostics in Flymake (`M-x flymake-show-buffer-diagnostics'),
;; the outline through imenu (`M-x imenu'; Eglot fills it from textDocument/documentSymbol,
;; grouped by symbol kind), quick fixes with `M-x eglot-code-actions' on a problem.
;; This file holds client configuration only: all analysis is in the server.

;;; Code:

(require 'cl-lib)

(defvar eglot-workspace-configuration)
(defvar eglot-server-programs)
(declare-function eglot-ensure "eglot")

(defgroup forumls nil
  "Forum markup editing with the forumls language server."
  :group 'languages
  :prefix "forumls-")

(defcustom forumls-program "forumls"
  "The forumls executable: a name on `exec-path' or an absolute file name."
  :type 'string)

(defcustom forumls-program-args nil
  "Extra arguments for `forumls-program' (it serves LSP on stdio without any)."
  :type '(repeat string))

(defcustom forumls-dialect "discuz"
  "Forum dialect the server assumes: discuz, phpbb, vbulletin, xenforo or mybb."
  :type '(choice (const "discuz") (const "phpbb") (const "vbulletin") (const "xenforo") (const "mybb")))

(defcustom forumls-rules nil
  "Per-rule settings: an alist of (RULE-CODE . SETTING).
SETTING is \"off\", \"error\", \"warning\", \"information\" or \"hint\",
for example ((\"blank-lines\" . \"off\") (\"halfwidth-punctuation\" . \"warning\"))."
  :type '(alist :key-type string :value-type string))

(defcustom forumls-auto-start t
  "When non-nil, `bbcode-mode' buffers start Eglot with `eglot-ensure'."
  :type 'boolean)

(defface forumls-tag-face '((t :inherit font-lock-keyword-face))
  "Face for tag names such as [b] or [/quote].")

(defface forumls-argument-face '((t :inherit font-lock-string-face))
  "Face for tag arguments such as the =red of [color=red].")

(defface forumls-bracket-face '((t :inherit shadow))
  "Face for the brackets and slash of a tag.")

(defconst forumls--tag-regexp
  (concat "\\(\\[/?\\)"                          ; 1: opening bracket, optional slash
          "\\([A-Za-z][A-Za-z0-9]*\\|\\*\\)"     ; 2: ASCII tag name, or [*]
          "\\(?:\\(=\\)\\([^]\n]*\\)\\)?"        ; 3: =, 4: argument
          "\\(\\]\\)")                           ; 5: closing bracket
  "A tag on one line.  Bracketed text such as [复制链接] is not a tag.")

(defvar bbcode-mode-font-lock-keywords
  `((,forumls--tag-regexp
     (1 'forumls-bracket-face)
     (2 'forumls-tag-face)
     (3 'forumls-bracket-face nil t)
     (4 'forumls-argument-face nil t)
     (5 'forumls-bracket-face))
    ("\\bhttps?://[^][ \t\n<>\"]+" (0 'link t)))
  "Font-lock keywords for `bbcode-mode'.")

(defvar bbcode-mode-syntax-table
  (let ((table (make-syntax-table text-mode-syntax-table)))
    (modify-syntax-entry ?\[ "(]" table)
    (modify-syntax-entry ?\] ")[" table)
    table)
  "Syntax table for `bbcode-mode': brackets pair up.")

;;;###autoload
(define-derived-mode bbcode-mode text-mode "BBCode"
  "Major mode for forum markup: BBCode posts and scraped forum pages.
The outline (imenu), diagnostics and quick fixes come from the
forumls language server through Eglot."
  :syntax-table bbcode-mode-syntax-table
  (setq-local font-lock-defaults '(bbcode-mode-font-lock-keywords nil t))
  (setq-local electric-pair-pairs (cons '(?\[ . ?\]) (bound-and-true-p electric-pair-pairs)))
  (when (and forumls-auto-start (require 'eglot nil t))
    (forumls--install-workspace-configuration)
    (eglot-ensure)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.\\(?:bbcode\\|bbc\\|forum\\)\\'" . bbcode-mode))

(defun forumls--contact (&optional _interactive)
  "The server command for Eglot, read from the options when Eglot starts."
  (cons forumls-program forumls-program-args))

(defun forumls-settings ()
  "The settings object the server reads as section `forumls'."
  (list :dialect forumls-dialect
        :rules (if forumls-rules
                   (cl-loop for (code . setting) in forumls-rules
                            collect (intern (concat ":" code))
                            collect setting)
                 (make-hash-table))))

(defun forumls--install-workspace-configuration ()
  "Put the `:forumls' section into the default `eglot-workspace-configuration'.
Other sections are kept.  A value that is a function, or an alist,
is left alone."
  (let ((current (and (boundp 'eglot-workspace-configuration)
                      (default-value 'eglot-workspace-configuration))))
    (when (and (boundp 'eglot-workspace-configuration)
               (or (null current) (keywordp (car-safe current))))
      (setq-default eglot-workspace-configuration
                    (plist-put (copy-sequence current) :forumls (forumls-settings))))))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((bbcode-mode :language-id "bbcode") . forumls--contact))
  (forumls--install-workspace-configuration))

(provide 'forumls)
;;; forumls.el ends here
