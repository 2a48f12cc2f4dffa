"use client";

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * A modal dialog on the native <dialog> element (focus trap, Escape and the backdrop
 * come with it), open while mounted. Mark the element to focus first with data-autofocus.
 */
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal <dialog> makes the page inert, but Tab past its last control still leaves for the
 * browser's own UI; as the WAI-ARIA dialog pattern asks, Tab and Shift+Tab wrap around.
 */
function keepTabInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab") return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null);
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

export function Dialog({ title, onClose, children, role }: { title: string; onClose: () => void; children: ReactNode; role?: "dialog" | "alertdialog" }) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  // No close() on unmount: removing the element ends the modal, and a close event from a
  // cleanup would tell the parent to close a dialog it just reopened (strict mode).
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // showModal() picks its own first focus (React's autoFocus ran while the dialog was
      // closed): the element marked data-autofocus (a confirmation's safe choice) gets it.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    // Once the dialog is really gone (not strict mode's rehearsal), a keyboard user goes
    // on from the control that opened it, when that control is still there.
    return () => {
      if (!dialog.isConnected && opener.current?.isConnected) opener.current.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      role={role}
      onClose={onClose}
      onKeyDown={keepTabInside}
      className="m-auto w-full max-w-lg rounded-lg border border-border bg-background p-0 shadow-lg backdrop:bg-black/40"
    >
      <div className="flex items-center justify-between border-b border-border px-6 py-4">
        <h2 className="text-lg font-semibold tracking-tight">{title}</h2>
        <Button type="button" size="sm" variant="ghost" aria-label="Close" onClick={() => ref.current?.close()}>
          ✕
        </Button>
      </div>
      <div className="p-6">{children}</div>
    </dialog>
  );
}
