// Half of a surrogate pair (from a broken paste or an odd keyboard) cannot travel to the server: the event carrying it
// is dropped there and the field seems empty. Before Blazor reads a field, put U+FFFD in its place, so the server sees
// that something is there and the field says that it cannot be stored.
(() => {
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
    const mark = event => {
        const field = event.target;
        if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
            const marked = field.value.replace(loneSurrogate, '\uFFFD');
            if (marked !== field.value) {
                field.value = marked;
            }
        }
    };

    // Capturing on window runs before Blazor's own listeners read the value.
    window.addEventListener('input', mark, true);
    window.addEventListener('change', mark, true);
})();
