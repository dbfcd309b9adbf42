// Any element marked data-print opens the browser's print dialog (where "Save as PDF" is one of the printers). A
// delegated listener, so buttons rendered later by Blazor work too, and no inline script is needed (the policy forbids it).
document.addEventListener('click', event => {
    const trigger = event.target instanceof Element ? event.target.closest('[data-print]') : null;
    if (trigger) {
        event.preventDefault();
        window.print();
    }
});
