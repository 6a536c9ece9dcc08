output "name" {
  description = "Base name for resources: <service>-<environment>."
  value       = local.name
}

output "tags" {
  description = "Tags for AWS and Azure resources."
  value       = local.tags
}

output "labels" {
  description = "The same tags as GCP-safe labels."
  value       = local.labels
}

output "app_settings" {
  description = "Environment variables the app reads, with the names fib_core.config uses."
  value       = local.app_settings
}
