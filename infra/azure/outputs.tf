output "url" {
  description = "The public HTTPS endpoint."
  value       = "https://${azurerm_function_app_flex_consumption.api.default_hostname}/"
}

output "function_app_name" {
  description = "Function app name (for logs, deployments and the runbook)."
  value       = azurerm_function_app_flex_consumption.api.name
}

output "resource_group_name" {
  description = "Resource group holding everything."
  value       = azurerm_resource_group.main.name
}

output "application_insights_name" {
  description = "Application Insights component (logs, availability results)."
  value       = azurerm_application_insights.main.name
}

output "alert_names" {
  description = "Every alert this module creates (docs/runbook.md has an entry for each)."
  value       = concat([azurerm_monitor_metric_alert.availability.name], [for alert in azurerm_monitor_metric_alert.app : alert.name])
}

output "storage_account_name" {
  description = "Storage account with the deployment container."
  value       = azurerm_storage_account.functions.name
}
