variable "subscription_id" {
  type        = string
  description = "Azure subscription to deploy into."
  validation {
    condition     = can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", var.subscription_id))
    error_message = "subscription_id must be a GUID."
  }
}

variable "location" {
  type        = string
  description = "Azure region with Flex Consumption, e.g. westeurope."
  default     = "westeurope"
}

variable "service" {
  type        = string
  description = "Service name, the first part of every resource name."
  default     = "fib"
}

variable "environment" {
  type        = string
  description = "Deployment environment (dev, prod, ...)."
  default     = "dev"
}

variable "tags" {
  type        = map(string)
  description = "Extra tags for every resource."
  default     = {}
}

variable "package_path" {
  type        = string
  description = "The zip built by `make package` (dist/azure.zip)."
  default     = "../../dist/azure.zip"
}

variable "instance_memory_mb" {
  type        = number
  description = "Flex Consumption instance memory."
  default     = 2048
  validation {
    condition     = contains([512, 2048, 4096], var.instance_memory_mb)
    error_message = "instance_memory_mb must be 512, 2048 or 4096 (the Flex Consumption sizes)."
  }
}

variable "maximum_instance_count" {
  type        = number
  description = "Scale-out cap: bounds cost and abuse."
  default     = 40
  validation {
    condition     = var.maximum_instance_count >= 1 && var.maximum_instance_count <= 1000 && floor(var.maximum_instance_count) == var.maximum_instance_count
    error_message = "maximum_instance_count must be a whole number from 1 to 1,000."
  }
}

variable "http_concurrency" {
  type        = number
  description = "Concurrent requests per instance before Flex Consumption adds one (computations are CPU-bound)."
  default     = 4
  validation {
    condition     = var.http_concurrency >= 1 && var.http_concurrency <= 1000 && floor(var.http_concurrency) == var.http_concurrency
    error_message = "http_concurrency must be a whole number from 1 to 1,000."
  }
}

variable "max_n" {
  type        = number
  description = "FIB_MAX_N: largest n for one value."
  default     = 10000000
}

variable "max_response_bytes" {
  type        = number
  description = "FIB_MAX_RESPONSE_BYTES: largest response body."
  default     = 5000000
}

variable "log_level" {
  type        = string
  description = "FIB_LOG_LEVEL."
  default     = "INFO"
}

variable "log_retention_days" {
  type        = number
  description = "Log Analytics retention."
  default     = 30
  validation {
    condition     = var.log_retention_days >= 30 && var.log_retention_days <= 730
    error_message = "log_retention_days must be from 30 to 730 (Log Analytics' range)."
  }
}

variable "alarm_email" {
  type        = string
  description = "Address the action group emails."
  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alarm_email))
    error_message = "alarm_email must be an email address such as oncall@example.com."
  }
}

variable "response_time_alarm_seconds" {
  type        = number
  description = "Alert when average response time over 5 minutes passes this."
  default     = 2
  validation {
    condition     = var.response_time_alarm_seconds > 0 && var.response_time_alarm_seconds <= 230
    error_message = "response_time_alarm_seconds must be above 0 and at most 230 (the HTTP trigger's hard limit)."
  }
}
