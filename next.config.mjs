// Next.js configuration. The environment is validated by the start script (lib/env.ts)
// before Next.js loads; nothing here reads it.

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() in console pages answers 403 with app/**/forbidden.tsx (lib/orgs/console-access.ts).
  experimental: { authInterrupts: true },
  // Loaded from node_modules at run time rather than bundled: native/wasm payloads and
  // packages that must be one instance per process.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@prisma/adapter-pg",
    "pg",
    "pino",
    "ioredis",
  ],
  // Content-Security-Policy (per-request nonce) and Strict-Transport-Security (HTTPS only)
  // depend on the request and are set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          // Bastion uses none of these; a compromised page cannot either.
          {
            key: "Permissions-Policy",
            value: "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
          },
        ],
      },
    ];
  },
};

export default nextConfig;
