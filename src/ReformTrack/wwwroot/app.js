// Plain forms whose choice takes effect at once: a select marked data-submit-on-change sends its form.
// (A script file rather than an inline handler, so the content security policy can forbid inline script.)
document.addEventListener('change', event => {
    const field = event.target;
    if (field instanceof HTMLSelectElement && field.hasAttribute('data-submit-on-change') && field.form) {
        field.form.submit();
    }
});
