# Naming, tags and app settings shared by the three cloud root modules, so each cloud says them once.
locals {
  name = "${var.service}-${var.environment}"

  tags = merge(var.tags, {
    service     = var.service
    environment = var.environment
    managed-by  = "terraform"
  })

  # GCP labels: lowercase letters, digits, underscores and hyphens only.
  labels = { for key, value in local.tags : lower(replace(key, "/[^a-zA-Z0-9_-]/", "_")) => lower(replace(value, "/[^a-zA-Z0-9_-]/", "_")) }

  # The names fib_core.config reads (ENV_MAX_N, ENV_MAX_RESPONSE_BYTES, ENV_LOG_LEVEL).
  app_settings = {
    FIB_MAX_N              = tostring(var.max_n)
    FIB_MAX_RESPONSE_BYTES = tostring(var.max_response_bytes)
    FIB_LOG_LEVEL          = var.log_level
  }
}
