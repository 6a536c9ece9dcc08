variable "project_id" {
  type        = string
  description = "Google Cloud project to deploy into."
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be 6-30 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  type        = string
  description = "Region for the function and its source bucket."
  default     = "europe-west1"
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
  description = "Extra labels for every resource."
  default     = {}
}

variable "package_path" {
  type        = string
  description = "The zip built by `make package` (dist/gcp.zip)."
  default     = "../../dist/gcp.zip"
}

variable "public" {
  type        = bool
  description = "Let anyone invoke the function (allUsers gets roles/run.invoker): the way the API is meant to be called."
  default     = true
}

variable "memory" {
  type        = string
  description = "Memory per instance."
  default     = "1Gi"
  validation {
    condition     = contains(["256Mi", "512Mi", "1Gi", "2Gi", "4Gi", "8Gi", "16Gi", "32Gi"], var.memory)
    error_message = "memory must be one of 256Mi, 512Mi, 1Gi, 2Gi, 4Gi, 8Gi, 16Gi, 32Gi."
  }
}

variable "timeout_seconds" {
  type        = number
  description = "Request timeout."
  default     = 30
  validation {
    condition     = var.timeout_seconds >= 1 && var.timeout_seconds <= 3600 && floor(var.timeout_seconds) == var.timeout_seconds
    error_message = "timeout_seconds must be a whole number from 1 to 3,600 (the HTTP function maximum)."
  }
}

variable "max_instance_count" {
  type        = number
  description = "Scale-out cap: bounds cost and abuse."
  default     = 20
  validation {
    condition     = var.max_instance_count >= 1 && var.max_instance_count <= 1000 && floor(var.max_instance_count) == var.max_instance_count
    error_message = "max_instance_count must be a whole number from 1 to 1,000."
  }
}

variable "max_n" {
  type        = number
  description = "FIB_MAX_N: largest n for one value."
  default     = 10000000
}

variable "max_response_bytes" {
  type        = number
  description = "FIB_MAX_RESPONSE_BYTES: largest response body (Cloud Run allows 32 MiB)."
  default     = 5000000
}

variable "log_level" {
  type        = string
  description = "FIB_LOG_LEVEL."
  default     = "INFO"
}

variable "alarm_email" {
  type        = string
  description = "Address the alert policies email."
  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alarm_email))
    error_message = "alarm_email must be an email address such as oncall@example.com."
  }
}

variable "error_ratio_threshold" {
  type        = number
  description = "Alert when this fraction of requests answer 5xx over 5 minutes."
  default     = 0.01
  validation {
    condition     = var.error_ratio_threshold > 0 && var.error_ratio_threshold < 1
    error_message = "error_ratio_threshold must be between 0 and 1 (exclusive)."
  }
}

variable "latency_threshold_ms" {
  type        = number
  description = "Alert when p99 request latency passes this many milliseconds for 5 minutes."
  default     = 2000
  validation {
    condition     = var.latency_threshold_ms > 0
    error_message = "latency_threshold_ms must be positive."
  }
}
