terraform {
  required_version = ">= 1.7.0"

  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
      # Major pinned to the schema snapshot (infra/schemas/azurerm-4.55.0.json); flex consumption needs >= 4.55.
      version = ">= 4.55.0, < 5.0.0"
    }
  }
}
