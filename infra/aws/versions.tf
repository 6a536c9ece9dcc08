terraform {
  required_version = ">= 1.7.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # Admits 5.100 (validated offline against its schema) and current 6.x (schema-checked too).
      version = ">= 5.100.0, < 7.0.0"
    }
  }
}
