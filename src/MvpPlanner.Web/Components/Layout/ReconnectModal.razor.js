// Drives the reconnect dialog in ReconnectModal.razor from Blazor's "components-reconnect-state-changed" events.
const dialog = document.getElementById("components-reconnect-modal");

if (dialog) {
    dialog.addEventListener("components-reconnect-state-changed", onStateChanged);
    document.getElementById("components-reconnect-button")?.addEventListener("click", reconnect);
    document.getElementById("components-resume-button")?.addEventListener("click", resume);
    document.getElementById("components-reload-button")?.addEventListener("click", () => location.reload());
}

function onStateChanged(event) {
    switch (event.detail.state) {
        case "show":
        case "retrying":
        case "paused":
            if (!dialog.open) {
                dialog.showModal();
            }
            break;
        case "hide":
            dialog.close();
            break;
        case "failed":
            // A laptop waking up or a tab coming back is a good moment to try again by itself.
            document.addEventListener("visibilitychange", reconnectWhenVisible);
            break;
        case "rejected":
            // The server no longer knows this session: a fresh page is the quickest way back.
            location.reload();
            break;
    }
}

async function reconnect() {
    document.removeEventListener("visibilitychange", reconnectWhenVisible);
    try {
        // true: back on the same session; false: the server is there but the session is gone.
        if (!await Blazor.reconnect()) {
            if (await Blazor.resumeCircuit()) {
                dialog.close();
            } else {
                location.reload();
            }
        }
    } catch {
        // The server is still out of reach.
        document.addEventListener("visibilitychange", reconnectWhenVisible);
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit()) {
            location.reload();
        }
    } catch {
        dialog.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function reconnectWhenVisible() {
    if (document.visibilityState === "visible") {
        await reconnect();
    }
}
