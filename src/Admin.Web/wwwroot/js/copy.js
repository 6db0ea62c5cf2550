// Copy buttons (no inline script under the strict CSP): a button with data-copy-target="id" copies
// that field's value, or the text of any other element (a list gives one line per item). Hidden
// until this script runs, so a page without JavaScript shows no dead button.
(function () {
    "use strict";
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
        var field = document.getElementById(button.getAttribute("data-copy-target"));
        var status = document.getElementById("copy-status");
        if (!field) return;
        var isInput = "value" in field && typeof field.select === "function";
        var text = function () {
            return isInput ? field.value : field.innerText.trim();
        };
        var select = function () {
            if (isInput) field.select();
            else window.getSelection().selectAllChildren(field);
        };
        button.hidden = false;
        button.addEventListener("click", function () {
            var done = function () {
                if (status) status.textContent = button.getAttribute("data-copied-text") || "Copié";
            };
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(text()).then(done, select);
            } else {
                select();
                document.execCommand("copy");
                done();
            }
        });
    });
})();
