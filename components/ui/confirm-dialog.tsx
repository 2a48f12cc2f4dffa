"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { Input } from "./input";
import { Label } from "./label";

/**
 * The one confirmation for destructive actions. `typedConfirmation` asks the person to
 * type a word (the secret's key, the org's URL name) where data is lost for good.
 */
export type Confirmation = {
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  typedConfirmation?: string;
};

type Pending = Confirmation & { resolve: (confirmed: boolean) => void };

const ConfirmContext = createContext<((confirmation: Confirmation) => Promise<boolean>) | null>(null);

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const ask = useCallback((confirmation: Confirmation) => new Promise<boolean>((resolve) => setPending({ ...confirmation, resolve })), []);
  const finish = (confirmed: boolean) => {
    pending?.resolve(confirmed);
    setPending(null);
  };
  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      {pending ? <ConfirmDialog key={pending.title} confirmation={pending} onFinish={finish} /> : null}
    </ConfirmContext.Provider>
  );
}

function ConfirmDialog({ confirmation, onFinish }: { confirmation: Confirmation; onFinish: (confirmed: boolean) => void }) {
  const [typed, setTyped] = useState("");
  const matches = !confirmation.typedConfirmation || typed === confirmation.typedConfirmation;
  return (
    <Dialog title={confirmation.title} role="alertdialog" onClose={() => onFinish(false)}>
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (matches) onFinish(true);
        }}
      >
        {confirmation.description ? <div className="text-sm text-muted-foreground">{confirmation.description}</div> : null}
        {confirmation.typedConfirmation ? (
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="confirm-typed">
              Type <span className="font-mono font-semibold">{confirmation.typedConfirmation}</span> to confirm
            </Label>
            <Input id="confirm-typed" autoComplete="off" data-autofocus value={typed} onChange={(event) => setTyped(event.target.value)} />
          </div>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="outline" data-autofocus={confirmation.typedConfirmation ? undefined : ""} onClick={() => onFinish(false)}>
            Cancel
          </Button>
          <Button type="submit" variant={confirmation.destructive === false ? "default" : "destructive"} disabled={!matches}>
            {confirmation.confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** `if (await confirm({ title: "Revoke key?", confirmLabel: "Revoke" })) revoke.mutate()`. */
export function useConfirm(): (confirmation: Confirmation) => Promise<boolean> {
  const ask = useContext(ConfirmContext);
  if (!ask) throw new Error("useConfirm needs <ConfirmProvider> (app/providers.tsx)");
  return ask;
}
