// The roadmap board moves a focused card with Alt + arrow keys (BoardCardView.razor). Alt + Left and Alt + Right also
// mean Back and Forward to the browser, and Blazor cannot cancel an event per key, so that is done here.
(() => {
    const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
    window.addEventListener('keydown', event => {
        if (event.altKey && keys.includes(event.key) && event.target instanceof HTMLElement && event.target.matches('.feature-card[tabindex]')) {
            event.preventDefault();
        }
    }, true);
})();
