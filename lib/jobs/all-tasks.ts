// Every background task, so that any worker can run any job. A domain that adds a task
// file adds an import here.
import "./maintenance";
import "../orgs/tasks";
import "../audit/tasks";
import "../secrets/tasks";
import "../usage/tasks";
import "../integrations/sync/tasks";
import "../integrations/deliveries/tasks";
import "../integrations/notify/tasks";
import "../billing/tasks";
import "../billing/api-quota-warning";
import "../billing/seat-sync";
