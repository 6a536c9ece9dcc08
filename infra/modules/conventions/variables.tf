variable "service" {
  type        = string
  description = "Service name, the first part of every resource name."
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.service))
    error_message = "service must be 2-21 characters of lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "environment" {
  type        = string
  description = "Deployment environment, e.g. dev or prod."
  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.environment))
    error_message = "environment must be 2-10 lowercase letters or digits, starting with a letter (e.g. dev, prod)."
  }
}

variable "tags" {
  type        = map(string)
  description = "Extra tags (labels on GCP) for every taggable resource."
  default     = {}
}

variable "max_n" {
  type        = number
  description = "FIB_MAX_N: largest n for one value (fib_core/config.py validates the same range)."
  validation {
    condition     = var.max_n >= 1 && var.max_n <= 100000000 && floor(var.max_n) == var.max_n
    error_message = "max_n must be a whole number from 1 to 100,000,000."
  }
}

variable "max_response_bytes" {
  type        = number
  description = "FIB_MAX_RESPONSE_BYTES: largest response body in bytes."
  validation {
    condition     = var.max_response_bytes >= 1024 && var.max_response_bytes <= 100000000 && floor(var.max_response_bytes) == var.max_response_bytes
    error_message = "max_response_bytes must be a whole number from 1,024 to 100,000,000."
  }
}

variable "log_level" {
  type        = string
  description = "FIB_LOG_LEVEL for the app's JSON log."
  default     = "INFO"
  validation {
    condition     = contains(["DEBUG", "INFO", "WARNING", "ERROR"], var.log_level)
    error_message = "log_level must be one of DEBUG, INFO, WARNING, ERROR."
  }
}
