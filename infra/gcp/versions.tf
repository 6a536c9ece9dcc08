terraform {
  required_version = ">= 1.7.0"

  required_providers {
    google = {
      source = "hashicorp/google"
      # Major pinned to the schema snapshot (infra/schemas/google-6.50.0.json).
      version = ">= 6.50.0, < 7.0.0"
    }
  }
}
