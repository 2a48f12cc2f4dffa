// Every provider's event normalizer, by provider, for the processing job.
// No "server-only" marker: the worker (plain Node) loads this.
import { normalize as github } from "./providers/github/normalize";
import { normalize as gitlab } from "./providers/gitlab/normalize";
import { normalize as jira } from "./providers/jira/normalize";
import { normalize as linear } from "./providers/linear/normalize";
import { normalize as slack } from "./providers/slack/normalize";
import type { EventNormalizer, Provider } from "./types";

export const normalizers: Record<Provider, EventNormalizer> = { github, gitlab, jira, linear, slack };
