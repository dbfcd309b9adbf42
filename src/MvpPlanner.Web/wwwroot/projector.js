// Projector mode: P toggles it (outside text fields), Esc leaves it, and the browser goes full screen while it is on.
// Full screen is a wish: a browser that refuses it (no user gesture, a policy) leaves the page as it is.

export function listen(dotNet) {
    const onKey = event => {
        if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
            return;
        }

        if ((event.key === "p" || event.key === "P") && !event.repeat) {
            event.preventDefault();
            dotNet.invokeMethodAsync("ToggleFromKeyboard");
        } else if (event.key === "Escape" && document.documentElement.classList.contains("projector-on") && !closesSomethingElse(event.target)) {
            dotNet.invokeMethodAsync("Leave");
        }
    };

    // Esc in full screen is taken by the browser to leave full screen; leaving full screen leaves projector mode too.
    const onFullscreen = () => {
        if (!document.fullscreenElement && document.documentElement.classList.contains("projector-on")) {
            dotNet.invokeMethodAsync("Leave");
        }
    };

    document.addEventListener("keydown", onKey);
    document.addEventListener("fullscreenchange", onFullscreen);
    document.documentElement.dataset.projectorKeys = "on"; // lets a test wait until P is heard
    return {
        dispose: () => {
            delete document.documentElement.dataset.projectorKeys;
            document.removeEventListener("keydown", onKey);
            document.removeEventListener("fullscreenchange", onFullscreen);
        },
    };
}

export async function apply(on) {
    document.documentElement.classList.toggle("projector-on", on);
    try {
        if (on && !document.fullscreenElement && document.documentElement.requestFullscreen) {
            await document.documentElement.requestFullscreen();
        } else if (!on && document.fullscreenElement) {
            await document.exitFullscreen();
        }
    } catch {
        // Refused or not supported: projector mode works in the window as it is.
    }
}

function isTyping(target) {
    if (!(target instanceof Element)) {
        return false;
    }

    return target.isContentEditable || target.closest("input, textarea, select, [contenteditable=true], [role=textbox], [role=combobox]") !== null;
}

// Esc belongs first to an open dialog, menu or drop-down (a tooltip shown under the mouse does not count); only a
// second Esc leaves projector mode.
function closesSomethingElse(target) {
    return document.querySelector(".mud-dialog-container, .mud-popover-open:not(.mud-tooltip)") !== null
        || (target instanceof Element && target.closest("[role=menu]") !== null);
}

