"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** New recovery codes, shown this once: the server keeps only their hashes. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const text = `${codes.join("\n")}\n`;
  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: "bastion-recovery-codes.txt" });
    link.click();
    URL.revokeObjectURL(url);
  }
  return (
    <section aria-labelledby="recovery-codes-title" className="flex flex-col gap-3 rounded-md border border-border p-4">
      <h3 id="recovery-codes-title" className="text-sm font-semibold">
        Your recovery codes
      </h3>
      <Alert variant="info">Save these now: they are not shown again. Each code signs you in once if you lose your authenticator.</Alert>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md bg-muted px-4 py-3 font-mono text-sm sm:w-fit">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <CopyButton value={text} label="Copy recovery codes" />
        <Button type="button" size="sm" variant="outline" onClick={download}>
          Download
        </Button>
        <Button type="button" size="sm" onClick={onDone}>
          I saved them
        </Button>
      </div>
    </section>
  );
}
