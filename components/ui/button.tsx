"use client";

import { Slot } from "@radix-ui/react-slot";
import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";
import { useHydrated } from "./use-hydrated";

const buttonVariants = cva(
  "inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 disabled:pointer-events-none disabled:opacity-50",
  {
    variants: {
      variant: {
        default: "bg-primary text-primary-foreground hover:bg-primary/90",
        outline: "border border-border bg-background hover:bg-accent hover:text-accent-foreground",
        ghost: "hover:bg-accent hover:text-accent-foreground",
        destructive: "bg-destructive text-destructive-foreground hover:bg-destructive/90",
      },
      size: { default: "h-9 px-4 py-2", sm: "h-8 px-3", lg: "h-10 px-6" },
    },
    defaultVariants: { variant: "default", size: "default" },
  },
);

export type ButtonProps = ComponentProps<"button"> &
  VariantProps<typeof buttonVariants> & {
    asChild?: boolean;
    /** For plain HTML forms that work without JavaScript (e.g. sign-out). */
    submitsWithoutScript?: boolean;
  };

export function Button({ className, variant, size, asChild = false, submitsWithoutScript = false, disabled, ...props }: ButtonProps) {
  const hydrated = useHydrated();
  const Component = asChild ? Slot : "button";
  // A submit button clicked before its form's handler is attached would submit the form
  // natively (a GET with the fields in the URL); it stays disabled until hydration.
  const waiting = props.type === "submit" && !submitsWithoutScript && !hydrated;
  return <Component className={cn(buttonVariants({ variant, size }), className)} disabled={disabled || waiting} {...props} />;
}
