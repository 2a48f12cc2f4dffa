// Input schema of the usage API.
import { z } from "zod";

export const usageQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) });
