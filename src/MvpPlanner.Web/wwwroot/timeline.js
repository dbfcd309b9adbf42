// Dragging bars and milestones on the timeline. The browser moves the element while the pointer is down; on release
// it tells .NET how many days it moved, and .NET saves (and re-renders) the new dates. A press that does not move
// stays a click, which opens the feature.
const threshold = 4;

export function init(canvas, dotnet) {
    let drag = null;
    let suppressClick = false;

    const onDown = event => {
        const item = event.target.closest('[data-drag-kind]');
        if (!item || !canvas.contains(item) || event.button !== 0 || canvas.dataset.editable !== 'true') {
            return;
        }

        drag = { item, startX: event.clientX, dx: 0, moved: false, pointerId: event.pointerId };
    };

    const onMove = event => {
        if (!drag || event.pointerId !== drag.pointerId) {
            return;
        }

        drag.dx = event.clientX - drag.startX;
        if (!drag.moved && Math.abs(drag.dx) >= threshold) {
            drag.moved = true;
            drag.item.classList.add('timeline-dragging');
            try { drag.item.setPointerCapture(drag.pointerId); } catch { /* the pointer may be gone already */ }
        }

        if (drag.moved) {
            drag.item.style.transform = `translateX(${drag.dx}px)`;
            event.preventDefault();
        }
    };

    const onUp = async event => {
        if (!drag || event.pointerId !== drag.pointerId) {
            return;
        }

        const { item, dx, moved } = drag;
        drag = null;
        if (!moved) {
            return;
        }

        suppressClick = true;
        setTimeout(() => { suppressClick = false; }, 0);
        const pixelsPerDay = parseFloat(canvas.dataset.pixelsPerDay) || 1;
        const days = Math.round(dx / pixelsPerDay);
        try {
            if (days !== 0) {
                await dotnet.invokeMethodAsync('OnDroppedAsync', item.dataset.dragKind, parseInt(item.dataset.id, 10), days);
            }
        } finally {
            item.style.transform = '';
            item.classList.remove('timeline-dragging');
        }
    };

    const onCancel = () => {
        if (drag) {
            drag.item.style.transform = '';
            drag.item.classList.remove('timeline-dragging');
            drag = null;
        }
    };

    // On the window and capturing: runs before Blazor sees the click that ends a drag, so it does not also open the item.
    const onClick = event => {
        if (suppressClick && canvas.contains(event.target)) {
            event.stopPropagation();
            event.preventDefault();
            suppressClick = false;
        }
    };

    canvas.addEventListener('pointerdown', onDown);
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onCancel);
    window.addEventListener('click', onClick, true);
    return {
        dispose: () => {
            canvas.removeEventListener('pointerdown', onDown);
            window.removeEventListener('pointermove', onMove);
            window.removeEventListener('pointerup', onUp);
            window.removeEventListener('pointercancel', onCancel);
            window.removeEventListener('click', onClick, true);
        },
    };
}
