;;; emacs_client.el --- batch Emacs + Eglot session for editors/tests  -*- lexical-binding: t -*-

;; Driven by editors/tests/emacs_case.sh through FORUMLS_* environment
;; variables.  It loads the project's own editors/emacs/forumls.el, opens the
;; file (auto-mode-alist -> bbcode-mode -> eglot-ensure), lets Eglot connect
;; the way the next command loop would, and then does what a user does:
;; Flymake's diagnostics, M-x imenu (which Eglot feeds from documentSymbol),
;; point on the first style-leak diagnostic and M-x eglot-code-actions,
;; picking its quick fix in the completing-read prompt.  What it sees goes to
;; plain files in $FORUMLS_OUT.  Every wait is bounded.

(require 'cl-lib)
(require 'subr-x)
(require 'package)
(package-activate-all)                  ; as interactive Emacs does at start-up

(defun ft--env (name &optional default)
  (let ((v (getenv name))) (if (and v (not (string-empty-p v))) v default)))
(defun ft--envnum (name default)
  (let ((v (ft--env name))) (if v (string-to-number v) default)))

(defconst ft--out (file-name-as-directory (ft--env "FORUMLS_OUT")))
(defconst ft--file (ft--env "FORUMLS_FILE"))
(defconst ft--t0 (float-time))
(defconst ft--deadline (/ (ft--envnum "FORUMLS_DEADLINE_MS" 40000) 1000.0))
(defconst ft--init (/ (ft--envnum "FORUMLS_INIT_MS" 10000) 1000.0))
(defconst ft--diag (/ (ft--envnum "FORUMLS_DIAG_MS" 10000) 1000.0))
(defconst ft--req (/ (ft--envnum "FORUMLS_REQUEST_MS" 5000) 1000.0))
(defun ft--elapsed () (- (float-time) ft--t0))
(defun ft--bounded (s) (max 0.01 (min s (- ft--deadline (ft--elapsed)))))

(setq user-emacs-directory (file-name-as-directory (ft--env "FORUMLS_EMACS_DIR" temporary-file-directory))
      vc-handled-backends nil           ; no git calls from VC; the root is the file's directory
      make-backup-files nil
      create-lockfiles nil)

(defun ft--one-line (s) (replace-regexp-in-string "[\t\r\n]" " " (format "%s" s)))
(defun ft--write (name text)
  (let ((coding-system-for-write 'utf-8-unix))
    (with-temp-file (concat ft--out name) (insert text))))
(defun ft--append (name text)
  (let ((coding-system-for-write 'utf-8-unix))
    (write-region text nil (concat ft--out name) t 'silent)))
(defun ft--status (key value) (ft--append "status.txt" (format "%s\t%s\n" key (ft--one-line value))))
(defun ft--note (fmt &rest args) (ft--append "messages.txt" (concat (ft--one-line (apply #'format fmt args)) "\n")))

(defun ft--wait (seconds pred)
  "Run the event loop until PRED holds or SECONDS passed; return PRED's value."
  (let ((end (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) end))
      (accept-process-output nil 0.02))
    (funcall pred)))

(defvar ft--buffer nil)
(defvar ft--server nil)
(defvar ft--finished nil)
(defvar ft--publishes 0)
(defvar ft--last-publish 0)
(defvar ft--last-published 0)
(defvar ft--symbols-requested nil)

(defun ft--finish (code)
  (unless ft--finished
    (setq ft--finished t)
    (when (and ft--server (jsonrpc-running-p ft--server))
      ;; Eglot's own shutdown: `shutdown' and `exit' with "params": null, then the process is deleted.
      (let ((t0 (float-time)))
        (condition-case err
            (progn (eglot-shutdown ft--server nil 2)
                   (ft--status "server_stopped" (format "yes %d ms" (* 1000 (- (float-time) t0)))))
          (error (ft--status "server_stopped" (format "error: %s" (error-message-string err)))))))
    (ft--status "done" code)
    (kill-emacs code)))

(run-at-time ft--deadline nil
             (lambda () (unless ft--finished
                          (ft--status "error" "internal deadline reached")
                          (ft--finish 124))))

(defun ft--line-col (pos)
  (save-excursion
    (goto-char pos)
    (cons (line-number-at-pos pos t) (- pos (line-beginning-position)))))

(defun ft--imenu-leaves (index path)
  "Flatten an imenu INDEX into (PATH NAME POS) leaves."
  (cl-loop for entry in index
           unless (equal (car entry) (car imenu--rescan-item))
           append (let ((val (cdr entry)))
                    (if (and (consp val) (not (markerp val)) (not (overlayp val)))
                        (ft--imenu-leaves val (append path (list (car entry))))
                      (list (list path (car entry)
                                  (cond ((markerp val) (marker-position val))
                                        ((overlayp val) (overlay-start val))
                                        (t val))))))))

(defun ft--quickfix-p (action)
  (let ((kind (plist-get action :kind)))
    (and (stringp kind) (or (equal kind "quickfix") (string-prefix-p "quickfix." kind)))))

(defun ft--fixes-leak-p (action line0 message)
  "Does ACTION fix the style-leak diagnostic on 0-based LINE0 with MESSAGE?"
  (cl-some (lambda (d) (and (equal (plist-get d :code) "style-leak")
                            (eql (plist-get (plist-get (plist-get d :range) :start) :line) line0)
                            (equal (plist-get d :message) message)))
           (append (plist-get action :diagnostics) nil)))

(defun ft--quick-fix (target key actions-file)
  "Put point on TARGET (a Flymake diagnostic), run M-x eglot-code-actions and pick
the quick fix for that style-leak diagnostic in the completing-read prompt, as a
user would.  Status keys start with KEY.  Returns non-nil when the buffer changed."
  (if (not target)
      (progn (ft--status (concat key "_error") "no style-leak diagnostic to fix") nil)
    (goto-char (flymake-diagnostic-beg target))
    (ft--status (concat key "_line") (line-number-at-pos (point) t))
    (let* ((line0 (1- (line-number-at-pos (point) t)))
           (message (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data target)) :message))
           (chosen nil) (offered nil) (changed nil)
           (before (buffer-substring-no-properties (point-min) (point-max)))
           (completing-read-function
            (lambda (_prompt collection &rest _)
              (setq offered t)
              (ft--write actions-file
                         (mapconcat (lambda (item) (format "%s\t%s\n" (or (plist-get (cdr item) :kind) "-")
                                                           (ft--one-line (car item))))
                                    collection ""))
              (let* ((candidates (cl-remove-if-not
                                  (lambda (item) (and (ft--quickfix-p (cdr item))
                                                      (not (string-prefix-p "Fix all" (car item)))))
                                  collection))
                     (for-leak (cl-remove-if-not (lambda (item) (ft--fixes-leak-p (cdr item) line0 message))
                                                 candidates))
                     (pick (or (cl-find-if (lambda (item) (plist-get (cdr item) :isPreferred)) for-leak)
                               (car for-leak)
                               (cl-find-if (lambda (item) (plist-get (cdr item) :isPreferred)) candidates))))
                (unless pick (user-error "no quickfix for the style-leak diagnostic among the offered actions"))
                (setq chosen (car pick)))))
           (last-nonmenu-event ?\r)     ; a keyboard user: completing-read, not a popup menu
           (jsonrpc-default-request-timeout (ft--bounded ft--req)))
      (condition-case err
          (eglot-code-actions (point) nil nil t)
        (error (ft--status (concat key "_error") (format "eglot-code-actions: %s" (error-message-string err)))))
      (when (and offered chosen)
        (ft--status (concat key "_title") chosen)
        (setq changed (not (equal before (buffer-substring-no-properties (point-min) (point-max)))))
        (ft--status (concat key "_changed_buffer") (if changed "yes" "no"))
        (when changed
          ;; Eglot sends didChange from an idle timer; batch Emacs never idles.
          (let ((n0 ft--publishes))
            (eglot--signal-textDocument/didChange)
            (ft--wait (ft--bounded 3) (lambda () (> ft--publishes n0)))
            (ft--status (concat "republished_after_" key) (if (> ft--publishes n0) "yes" "no")))))
      changed)))

(defun ft--main ()
  (require 'eglot)
  (require 'flymake)
  (require 'imenu)
  (add-to-list 'load-path (ft--env "FORUMLS_EMACS_LISP"))
  (require 'forumls)
  (setq forumls-program (ft--env "FORUMLS_SERVER")
        ;; One rule switched off through forumls.el's own option: run.sh checks that it reaches the server.
        forumls-rules '(("repeated-fragment" . "off"))
        ;; Connect synchronously: in batch Emacs an error signalled from a
        ;; process sentinel would kill Emacs instead of reaching us.
        eglot-sync-connect t
        eglot-connect-timeout (max 1 (ft--bounded ft--init))
        eglot-autoreconnect nil)
  (ft--status "editor" (format "emacs %s, eglot %s" emacs-version
                               (or (ignore-errors (require 'lisp-mnt) (lm-version (locate-library "eglot.el"))) "?")))
  ;; Interactive Emacs reports an error inside a notification handler and
  ;; carries on; batch Emacs would die.  Keep the interactive behaviour.
  (advice-add 'eglot-handle-notification :around
              (lambda (orig server method &rest params)
                (when (and (eq method 'textDocument/publishDiagnostics)
                           (equal (file-truename (eglot--uri-to-path (plist-get params :uri)))
                                  (file-truename ft--file)))
                  (cl-incf ft--publishes)
                  (setq ft--last-publish (float-time)
                        ft--last-published (length (plist-get params :diagnostics))))
                (condition-case err (apply orig server method params)
                  (error (ft--note "error in Eglot's handler for %s: %s" method (error-message-string err))))))
  (advice-add 'jsonrpc-request :around
              (lambda (orig conn method params &rest args)
                (when (eq method :textDocument/documentSymbol) (setq ft--symbols-requested t))
                (if (not (eq method :shutdown))
                    (apply orig conn method params args)
                  (condition-case err
                      (prog1 (apply orig conn method params args)
                        (ft--status "shutdown_answer" "ok"))
                    (error (ft--status "shutdown_answer" (format "error: %s" (error-message-string err)))
                           (signal (car err) (cdr err)))))))

  ;; Open the file as a user does; bbcode-mode calls eglot-ensure, which
  ;; connects from the next post-command-hook.
  (setq ft--buffer (find-file ft--file))
  (set-buffer ft--buffer)
  (ft--status "major_mode" major-mode)
  (ft--write "before.txt" (buffer-substring-no-properties (point-min) (point-max)))
  (condition-case err
      (run-hooks 'post-command-hook)
    (error (ft--status "error" (format "could not start the server: %s" (error-message-string err)))
           (ft--finish 3)))
  (unless (ft--wait (ft--bounded ft--init)
                    (lambda () (with-current-buffer ft--buffer
                                 (and (bound-and-true-p eglot--managed-mode)
                                      (setq ft--server (eglot-current-server))))))
    (ft--status "error" "no language server manages the buffer (no initialize answer?)")
    (ft--finish 4))
  (ft--status "client" "eglot")
  (ft--status "initialized" "yes")
  (let ((info (eglot--server-info ft--server)))
    (when info (ft--status "server_info" (format "%s %s" (plist-get info :name) (or (plist-get info :version) "")))))

  ;; Diagnostics: pushed, then collected by Flymake (on an idle timer normally).
  (ft--wait (ft--bounded ft--diag) (lambda () (> ft--publishes 0)))
  (when (> ft--publishes 0)
    (ft--wait (ft--bounded 3) (lambda () (>= (- (float-time) ft--last-publish) 0.5))))
  (ft--status "publishes" ft--publishes)
  (ft--status "published_count" ft--last-published)
  (flymake-start)
  (ft--wait (ft--bounded 2) (lambda () (= (length (flymake-diagnostics)) ft--last-published)))
  (let* ((diags (sort (flymake-diagnostics)
                      (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
         (target (cl-find-if (lambda (d) (equal (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)) :code)
                                                "style-leak"))
                             diags)))
    (ft--status "held_count" (length diags))
    (ft--write "diagnostics.tsv"
               (mapconcat (lambda (d)
                            (let ((lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)))
                                  (b (ft--line-col (flymake-diagnostic-beg d)))
                                  (e (ft--line-col (flymake-diagnostic-end d))))
                              (format "%d\t%d\t%d\t%d\t%s\t%s\t%s\n" (car b) (cdr b) (car e) (cdr e)
                                      (pcase (flymake-diagnostic-type d) ('eglot-error 1) ('eglot-warning 2) (_ 3))
                                      (ft--one-line (or (plist-get lsp :code) ""))
                                      (ft--one-line (or (plist-get lsp :message) "")))))
                          diags ""))

    ;; The outline: M-x imenu's index, which Eglot builds from documentSymbol.
    (let ((jsonrpc-default-request-timeout (ft--bounded ft--req)))
      (condition-case err
          (let ((leaves (ft--imenu-leaves (imenu--make-index-alist t) nil)))
            (unless ft--symbols-requested
              (ft--status "outline_error" "imenu did not ask the server for documentSymbol"))
            (ft--write "outline.txt" (mapconcat (lambda (l) (concat (nth 1 l) "\n")) leaves ""))
            (ft--write "outline-lines.txt"
                       (mapconcat (lambda (l) (format "%s\t%s\n" (if (numberp (nth 2 l)) (line-number-at-pos (nth 2 l) t) 0)
                                                      (nth 1 l)))
                                  leaves ""))
            (ft--write "outline-raw.txt"
                       (mapconcat (lambda (l) (format "%s%s  (line %s)\n"
                                                      (mapconcat (lambda (p) (concat p " > ")) (nth 0 l) "")
                                                      (nth 1 l)
                                                      (and (numberp (nth 2 l)) (line-number-at-pos (nth 2 l) t))))
                                  leaves "")))
        (error (ft--status "outline_error" (format "imenu: %s" (error-message-string err))))))

    ;; The quick fix for the first style-leak diagnostic, through M-x eglot-code-actions.
    (let ((fixed (ft--quick-fix target "fix" "actions.txt")))
      (ft--write "after.txt" (buffer-substring-no-properties (point-min) (point-max)))
      ;; A second one, on a problem that starts after non-ASCII text on its line.
      (when fixed
        (ft--wait (ft--bounded 3) (lambda () (>= (- (float-time) ft--last-publish) 0.5)))
        (flymake-start)
        (ft--wait (ft--bounded 2) (lambda () (= (length (flymake-diagnostics)) ft--last-published)))
        (let ((second (cl-find-if
                       (lambda (d)
                         (and (equal (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)) :code)
                                     "style-leak")
                              (save-excursion
                                (goto-char (flymake-diagnostic-beg d))
                                (string-match-p "[^\000-\177]"
                                                (buffer-substring-no-properties (line-beginning-position) (point))))))
                       (sort (flymake-diagnostics)
                             (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))))
          (if (not second)
              (ft--status "fix2_error" "no style-leak diagnostic after non-ASCII text on its line")
            (ft--quick-fix second "fix2" "actions2.txt")
            (ft--write "after2.txt" (buffer-substring-no-properties (point-min) (point-max))))))))
  (ft--finish 0))

(condition-case err
    (ft--main)
  (error (ft--status "error" (format "Lisp error: %s" (error-message-string err)))
         (ft--finish 1)))
