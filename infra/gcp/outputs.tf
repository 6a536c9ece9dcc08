output "url" {
  description = "The public HTTPS endpoint."
  value       = "${google_cloudfunctions2_function.api.service_config[0].uri}/"
}

output "function_name" {
  description = "Cloud Functions (gen2) name."
  value       = google_cloudfunctions2_function.api.name
}

output "run_service_name" {
  description = "The Cloud Run service behind the function (logs, revisions, rollback)."
  value       = google_cloudfunctions2_function.api.service_config[0].service
}

output "runtime_service_account" {
  description = "The function's own identity (no roles)."
  value       = google_service_account.runtime.email
}

output "alert_policy_names" {
  description = "Every alert policy this module creates (docs/runbook.md has an entry for each)."
  value       = [google_monitoring_alert_policy.uptime.display_name, google_monitoring_alert_policy.error_ratio.display_name, google_monitoring_alert_policy.latency.display_name]
}

output "source_bucket" {
  description = "Bucket holding the uploaded packages."
  value       = google_storage_bucket.source.name
}
