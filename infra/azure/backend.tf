# Partial configuration: supply the storage account at init (see README.md):
#   terraform init -backend-config=backend.hcl
terraform {
  backend "azurerm" {
    use_azuread_auth = true
  }
}
