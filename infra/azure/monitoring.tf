# Alerts go to one action group that emails the on-call address; docs/runbook.md has an entry per alert name.

resource "azurerm_monitor_action_group" "oncall" {
  name                = "ag-${local.name}"
  resource_group_name = azurerm_resource_group.main.name
  short_name          = substr(replace(local.name, "-", ""), 0, 12)
  tags                = local.tags

  email_receiver {
    name                    = "oncall"
    email_address           = var.alarm_email
    use_common_alert_schema = true
  }
}

resource "azurerm_application_insights_standard_web_test" "healthz" {
  name                    = "${local.name}-healthz"
  resource_group_name     = azurerm_resource_group.main.name
  location                = azurerm_resource_group.main.location
  application_insights_id = azurerm_application_insights.main.id
  description             = "GET /healthz over HTTPS from five regions every 5 minutes."
  frequency               = 300
  timeout                 = 30
  enabled                 = true
  retry_enabled           = true
  geo_locations           = ["emea-nl-ams-azr", "emea-gb-db3-azr", "us-va-ash-azr", "us-ca-sjc-azr", "apac-sg-sin-azr"]
  tags                    = local.tags

  request {
    url                      = "https://${azurerm_function_app_flex_consumption.api.default_hostname}/healthz"
    http_verb                = "GET"
    follow_redirects_enabled = false
  }

  validation_rules {
    expected_status_code        = 200
    ssl_check_enabled           = true
    ssl_cert_remaining_lifetime = 7
  }
}

resource "azurerm_monitor_metric_alert" "availability" {
  name                = "${local.name}-uptime"
  resource_group_name = azurerm_resource_group.main.name
  scopes              = [azurerm_application_insights_standard_web_test.healthz.id, azurerm_application_insights.main.id]
  description         = "/healthz failed from 2 or more locations. See docs/runbook.md#azure-uptime."
  severity            = 1
  frequency           = "PT1M"
  window_size         = "PT5M"
  tags                = local.tags

  application_insights_web_test_location_availability_criteria {
    web_test_id           = azurerm_application_insights_standard_web_test.healthz.id
    component_id          = azurerm_application_insights.main.id
    failed_location_count = 2
  }

  action {
    action_group_id = azurerm_monitor_action_group.oncall.id
  }
}

locals {
  app_alerts = {
    http-5xx = {
      description = "The function app answered 5xx."
      metric      = "Http5xx"
      aggregation = "Total"
      threshold   = 1
      operator    = "GreaterThanOrEqual"
      severity    = 1
    }
    response-time = {
      description = "Average response time above ${var.response_time_alarm_seconds} s."
      metric      = "HttpResponseTime"
      aggregation = "Average"
      threshold   = var.response_time_alarm_seconds
      operator    = "GreaterThan"
      severity    = 2
    }
  }
}

resource "azurerm_monitor_metric_alert" "app" {
  for_each            = local.app_alerts
  name                = "${local.name}-${each.key}"
  resource_group_name = azurerm_resource_group.main.name
  scopes              = [azurerm_function_app_flex_consumption.api.id]
  description         = "${each.value.description} See docs/runbook.md#azure-${each.key}."
  severity            = each.value.severity
  frequency           = "PT1M"
  window_size         = "PT5M"
  tags                = local.tags

  criteria {
    metric_namespace = "Microsoft.Web/sites"
    metric_name      = each.value.metric
    aggregation      = each.value.aggregation
    operator         = each.value.operator
    threshold        = each.value.threshold
  }

  action {
    action_group_id = azurerm_monitor_action_group.oncall.id
  }
}
