module "conventions" {
  source             = "../modules/conventions"
  service            = var.service
  environment        = var.environment
  tags               = var.tags
  max_n              = var.max_n
  max_response_bytes = var.max_response_bytes
  log_level          = var.log_level
}

locals {
  name = module.conventions.name
  tags = module.conventions.tags
  # Storage account names: 3-24 lowercase letters and digits, globally unique.
  storage_name = substr("${replace(local.name, "-", "")}${substr(md5("${var.subscription_id}${local.name}"), 0, 8)}", 0, 24)
  runtime      = "python"
  runtime_ver  = "3.12"
}

resource "azurerm_resource_group" "main" {
  name     = "rg-${local.name}"
  location = var.location
  tags     = local.tags
}

# --- storage for deployment packages: no public access, no shared keys, TLS 1.2 ------------------

resource "azurerm_storage_account" "functions" {
  #checkov:skip=CKV_AZURE_33:Queue service is unused (HTTP trigger only), so there is no queue to log.
  #checkov:skip=CKV_AZURE_206:Locally redundant storage is enough for deployment packages the pipeline can rebuild byte-for-byte.
  #checkov:skip=CKV_AZURE_59:The function host reaches the account over its public endpoint; access is Entra ID only (no shared keys, no anonymous blobs).
  #checkov:skip=CKV_AZURE_35:Default-deny network rules would need VNet integration for the Flex Consumption host; access is Entra ID only.
  #checkov:skip=CKV2_AZURE_1:Microsoft-managed keys encrypt the packages; they hold public code only.
  #checkov:skip=CKV2_AZURE_33:No private endpoint: see CKV_AZURE_59.
  #checkov:skip=CKV2_AZURE_40:Shared keys are disabled (shared_access_key_enabled = false); this check misreads it.
  #checkov:skip=CKV2_AZURE_41:No SAS tokens are issued; shared keys are disabled.
  name                             = local.storage_name
  resource_group_name              = azurerm_resource_group.main.name
  location                         = azurerm_resource_group.main.location
  account_tier                     = "Standard"
  account_replication_type         = "LRS"
  min_tls_version                  = "TLS1_2"
  https_traffic_only_enabled       = true
  allow_nested_items_to_be_public  = false
  shared_access_key_enabled        = false
  default_to_oauth_authentication  = true
  local_user_enabled               = false
  cross_tenant_replication_enabled = false
  tags                             = local.tags

  blob_properties {
    delete_retention_policy {
      days = 7
    }
    container_delete_retention_policy {
      days = 7
    }
  }
}

resource "azurerm_storage_container" "deployments" {
  #checkov:skip=CKV2_AZURE_21:Blob read logging would log every cold start's package read; the account keeps Entra-only access.
  name                  = "deployments"
  storage_account_id    = azurerm_storage_account.functions.id
  container_access_type = "private"
}

# --- observability ---------------------------------------------------------------------------------

resource "azurerm_log_analytics_workspace" "main" {
  name                = "log-${local.name}"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  sku                 = "PerGB2018"
  retention_in_days   = var.log_retention_days
  tags                = local.tags
}

resource "azurerm_application_insights" "main" {
  name                = "appi-${local.name}"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  workspace_id        = azurerm_log_analytics_workspace.main.id
  application_type    = "web"
  tags                = local.tags
}

# --- the function app: Flex Consumption (Linux Consumption retires in 2028 and stops at 3.12) ------

resource "azurerm_service_plan" "main" {
  #checkov:skip=CKV_AZURE_225:Flex Consumption (FC1) plans have no zone-redundancy or worker-count setting; the platform places instances.
  #checkov:skip=CKV_AZURE_212:Flex Consumption scales from zero by design; always_ready instances are a cost choice, not set by default.
  name                = "asp-${local.name}"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  os_type             = "Linux"
  sku_name            = "FC1"
  tags                = local.tags
}

resource "azurerm_function_app_flex_consumption" "api" {
  name                                           = "func-${local.name}"
  resource_group_name                            = azurerm_resource_group.main.name
  location                                       = azurerm_resource_group.main.location
  service_plan_id                                = azurerm_service_plan.main.id
  runtime_name                                   = local.runtime
  runtime_version                                = local.runtime_ver
  storage_container_type                         = "blobContainer"
  storage_container_endpoint                     = "${azurerm_storage_account.functions.primary_blob_endpoint}${azurerm_storage_container.deployments.name}"
  storage_authentication_type                    = "SystemAssignedIdentity"
  maximum_instance_count                         = var.maximum_instance_count
  instance_memory_in_mb                          = var.instance_memory_mb
  http_concurrency                               = var.http_concurrency
  https_only                                     = true
  zip_deploy_file                                = var.package_path
  webdeploy_publish_basic_authentication_enabled = false
  # The host's own storage: identity-based, since the account allows no shared keys.
  app_settings = merge(module.conventions.app_settings, {
    AzureWebJobsStorage__accountName = azurerm_storage_account.functions.name
  })
  tags = local.tags

  identity {
    type = "SystemAssigned"
  }

  site_config {
    application_insights_connection_string = azurerm_application_insights.main.connection_string
    minimum_tls_version                    = "1.2"
    scm_minimum_tls_version                = "1.2"
    http2_enabled                          = true
    health_check_path                      = "/healthz"
    health_check_eviction_time_in_min      = 5
  }
}

# The app's identity reads and writes its own deployment container; nothing else.
resource "azurerm_role_assignment" "deployments" {
  scope                = azurerm_storage_account.functions.id
  role_definition_name = "Storage Blob Data Owner"
  principal_id         = azurerm_function_app_flex_consumption.api.identity[0].principal_id
}
