// Copy buttons (no inline script under the strict CSP): a button with data-copy-target="id" copies
// that field's value. Hidden until this script runs, so a page without JavaScript shows no dead button.
(function () {
    "use strict";
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
        var field = document.getElementById(button.getAttribute("data-copy-target"));
        var status = document.getElementById("copy-status");
        if (!field) return;
        button.hidden = false;
        button.addEventListener("click", function () {
            var done = function () {
                if (status) status.textContent = button.getAttribute("data-copied-text") || "Copié";
            };
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(field.value).then(done, function () { field.select(); });
            } else {
                field.select();
                document.execCommand("copy");
                done();
            }
        });
    });
})();
