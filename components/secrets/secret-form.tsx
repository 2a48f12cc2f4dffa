"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { FieldError } from "@/components/auth/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ApiError } from "@/lib/api-client";
import { saveSecret, type SecretItem } from "@/lib/secrets/queries";

const STANDARD = ["development", "staging", "production"];
export const textareaClass =
  "min-h-20 w-full rounded-md border border-border bg-background px-3 py-2 font-mono text-sm shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-50";

/**
 * Create a secret, or edit one. Editing never shows the saved value: the value field
 * starts empty and, left empty, keeps the current value.
 */
export function SecretForm({ slug, secret, onDone, onSaved }: { slug: string; secret: SecretItem | null; onDone: () => void; onSaved?: (saved: SecretItem) => void }) {
  const hydrated = useHydrated();
  const [key, setKey] = useState(secret?.key ?? "");
  const [value, setValue] = useState("");
  const [description, setDescription] = useState(secret?.description ?? "");
  const initialEnv = secret?.environment ?? "";
  const [environment, setEnvironment] = useState(STANDARD.includes(initialEnv) || initialEnv === "" ? initialEnv : "custom");
  const [customEnv, setCustomEnv] = useState(STANDARD.includes(initialEnv) ? "" : initialEnv);
  const [personal, setPersonal] = useState(false);
  const save = useMutation<SecretItem, ApiError>({
    mutationFn: () => {
      const env = environment === "custom" ? customEnv.trim() : environment;
      const common = { description, environment: env === "" ? null : env };
      if (secret) return saveSecret(slug, secret.id, { ...common, ...(value !== "" ? { value } : {}) });
      return saveSecret(slug, null, { ...common, key, value, personal });
    },
    onSuccess: (saved) => {
      setValue("");
      onSaved?.(saved);
      onDone();
    },
  });
  const { errors, clear } = useFieldErrors(save.error);
  const invalid = (field: string) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `secret-${field}-error` } : {});

  return (
    <form
      className="flex flex-col gap-3 rounded-md border border-border p-4"
      aria-label={secret ? `Edit ${secret.key}` : "New secret"}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="secret-key">Key</Label>
        <Input id="secret-key" value={key} onChange={(event) => { clear("key"); setKey(event.target.value.toUpperCase()); }} disabled={secret !== null} placeholder="DATABASE_URL" required {...invalid("key")} />
        <FieldError id="secret-key-error" message={errors.key} />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="secret-value">{secret ? "New value" : "Value"}</Label>
        <textarea
          id="secret-value"
          className={textareaClass}
          value={value}
          onChange={(event) => {
            clear("value");
            setValue(event.target.value);
          }}
          {...invalid("value")}
          disabled={!hydrated}
          autoComplete="off"
          spellCheck={false}
          placeholder={secret ? "Leave empty to keep the saved value (it is never shown here)" : ""}
          required={!secret}
        />
        <FieldError id="secret-value-error" message={errors.value} />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="secret-description">Description</Label>
        <Input id="secret-description" value={description} onChange={(event) => { clear("description"); setDescription(event.target.value); }} {...invalid("description")} />
        <FieldError id="secret-description-error" message={errors.description} />
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor="secret-environment">Environment</Label>
          <select id="secret-environment" className="h-9 rounded-md border border-border bg-background px-2 text-sm" value={environment} onChange={(event) => setEnvironment(event.target.value)} disabled={!hydrated}>
            <option value="">Any</option>
            {STANDARD.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
            <option value="custom">Custom…</option>
          </select>
        </div>
        {environment === "custom" && <Input aria-label="Custom environment" className="w-48" value={customEnv} onChange={(event) => { clear("environment"); setCustomEnv(event.target.value); }} placeholder="preview-eu" {...invalid("environment")} />}
      </div>
      <FieldError id="secret-environment-error" message={errors.environment} />
      <ApiErrorAlert error={save.error} fields={["key", "value", "description", "environment"]} />
      {!secret && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={personal} onChange={(event) => setPersonal(event.target.checked)} disabled={!hydrated} />
          Personal (visible only to me)
        </label>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : secret ? "Save new version" : "Create secret"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
