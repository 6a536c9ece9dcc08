variable "region" {
  type        = string
  description = "AWS region for the function and its alarms."
  default     = "eu-west-1"
  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must look like eu-west-1."
  }
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
  description = "The Lambda zip built by `make package` (dist/aws.zip)."
  default     = "../../dist/aws.zip"
}

variable "architecture" {
  type        = string
  description = "Lambda architecture; must match the zip (`make package` builds arm64 unless ARGS=\"--arch x86_64\")."
  default     = "arm64"
  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

variable "memory_mb" {
  type        = number
  description = "Lambda memory in MB (also sets CPU share). 1024 MB computes F(10,000,000) in well under a second."
  default     = 1024
  validation {
    condition     = var.memory_mb >= 128 && var.memory_mb <= 10240 && floor(var.memory_mb) == var.memory_mb
    error_message = "memory_mb must be a whole number from 128 to 10,240 (Lambda's range)."
  }
}

variable "timeout_seconds" {
  type        = number
  description = "Lambda timeout. The worst request allowed by the default limits takes about 1 s."
  default     = 30
  validation {
    condition     = var.timeout_seconds >= 1 && var.timeout_seconds <= 900 && floor(var.timeout_seconds) == var.timeout_seconds
    error_message = "timeout_seconds must be a whole number from 1 to 900 (Lambda's maximum)."
  }
}

variable "reserved_concurrency" {
  type        = number
  description = "Reserved concurrency: the cap on simultaneous executions, and so on cost and on abuse."
  default     = 50
  validation {
    condition     = var.reserved_concurrency >= 1 && var.reserved_concurrency <= 1000 && floor(var.reserved_concurrency) == var.reserved_concurrency
    error_message = "reserved_concurrency must be a whole number from 1 to 1,000 (0 would disable the function)."
  }
}

variable "log_retention_days" {
  type        = number
  description = "CloudWatch Logs retention for the function's log group."
  default     = 30
  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of CloudWatch Logs' values: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "max_n" {
  type        = number
  description = "FIB_MAX_N: largest n for one value."
  default     = 10000000
}

variable "max_response_bytes" {
  type        = number
  description = "FIB_MAX_RESPONSE_BYTES: largest response body. Keep it under Lambda's 6 MB buffered response limit."
  default     = 5000000
  validation {
    condition     = var.max_response_bytes <= 6000000
    error_message = "max_response_bytes must stay under Lambda's 6 MB buffered response limit (at most 6,000,000)."
  }
}

variable "log_level" {
  type        = string
  description = "FIB_LOG_LEVEL."
  default     = "INFO"
}

variable "alarm_email" {
  type        = string
  description = "Address the alarm topic emails (the subscription must be confirmed from the inbox)."
  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alarm_email))
    error_message = "alarm_email must be an email address such as oncall@example.com."
  }
}

variable "error_alarm_threshold" {
  type        = number
  description = "Function errors (unhandled exceptions, timeouts) in 5 minutes that page."
  default     = 1
  validation {
    condition     = var.error_alarm_threshold >= 1
    error_message = "error_alarm_threshold must be at least 1."
  }
}

variable "duration_alarm_percent" {
  type        = number
  description = "Page when p99 duration passes this percentage of the timeout."
  default     = 80
  validation {
    condition     = var.duration_alarm_percent > 0 && var.duration_alarm_percent < 100
    error_message = "duration_alarm_percent must be between 0 and 100 (exclusive)."
  }
}

variable "enable_cdn" {
  type        = bool
  description = "Put CloudFront in front of the function URL: answers are immutable, so repeated n never reach Lambda."
  default     = false
}

variable "enable_snap_start" {
  type        = bool
  description = "Lambda SnapStart for published versions: restores an initialised snapshot instead of importing on cold start (billed per cache and restore)."
  default     = false
}
