"use client";

import { useState } from "react";
import { Field } from "@/components/auth/field";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { useRenamePasskey } from "@/lib/account/queries";
import type { PasskeyView } from "@/lib/account/types";
import { FormStatus, LocalTime } from "./form-status";

/** The account's passkeys, each with rename and remove (removal is confirmed by the section). */
export function PasskeysList({ passkeys, onRemove }: { passkeys: PasskeyView[]; onRemove: (passkey: PasskeyView) => void }) {
  const [renaming, setRenaming] = useState<PasskeyView | null>(null);
  if (passkeys.length === 0) return null;
  return (
    <>
      <ul aria-label="Passkeys" className="flex flex-col divide-y divide-border rounded-md border border-border">
        {passkeys.map((passkey) => (
          <li key={passkey.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
            <div className="min-w-0">
              <p className="truncate font-medium">{passkey.name}</p>
              <p className="text-muted-foreground">
                Added <LocalTime value={passkey.createdAt} />
                {passkey.lastUsedAt ? (
                  <>
                    {" · last used "}
                    <LocalTime value={passkey.lastUsedAt} />
                  </>
                ) : null}
              </p>
            </div>
            <div className="flex gap-2">
              <Button type="button" size="sm" variant="outline" aria-label={`Rename ${passkey.name}`} onClick={() => setRenaming(passkey)}>
                Rename
              </Button>
              <Button type="button" size="sm" variant="outline" aria-label={`Remove ${passkey.name}`} onClick={() => onRemove(passkey)}>
                Remove
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {renaming ? <RenameDialog passkey={renaming} onClose={() => setRenaming(null)} /> : null}
    </>
  );
}

function RenameDialog({ passkey, onClose }: { passkey: PasskeyView; onClose: () => void }) {
  const rename = useRenamePasskey();
  const [name, setName] = useState(passkey.name);
  const { errors, clear } = useFieldErrors(rename.error);
  return (
    <Dialog title="Rename passkey" onClose={onClose}>
      <form
        className="flex flex-col gap-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          rename.mutate({ id: passkey.id, name }, { onSuccess: onClose });
        }}
      >
        <Field
          id="passkey-name"
          label="Name"
          data-autofocus
          maxLength={60}
          value={name}
          error={errors.name}
          onChange={(event) => {
            clear("name");
            setName(event.target.value);
          }}
        />
        <FormStatus error={rename.error} fields={["name"]} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={rename.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
