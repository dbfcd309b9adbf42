// Unsaved form input, kept in this browser's localStorage until it is saved or cancelled, so it outlives a lost
// connection, a reload and a server restart. Storage that is full or switched off only means no draft is kept.
const maxAgeMs = 14 * 24 * 60 * 60 * 1000;

const pad = n => String(n).padStart(2, "0");

export function load(key) {
    try {
        const raw = localStorage.getItem(key);
        if (!raw) {
            return null;
        }

        const draft = JSON.parse(raw);
        if (typeof draft.json !== "string" || !(Date.now() - draft.savedAt < maxAgeMs)) {
            localStorage.removeItem(key);
            return null;
        }

        const savedAt = new Date(draft.savedAt);
        return { json: draft.json, savedAt: `${pad(savedAt.getHours())}:${pad(savedAt.getMinutes())}` };
    } catch {
        return null;
    }
}

export function save(key, json) {
    try {
        localStorage.setItem(key, JSON.stringify({ json, savedAt: Date.now() }));
        return true;
    } catch {
        return false;
    }
}

export function remove(key) {
    try {
        localStorage.removeItem(key);
    } catch {
        // storage switched off: there is nothing to remove
    }
}
