# Partial configuration: supply the bucket at init (see README.md):
#   terraform init -backend-config=backend.hcl
terraform {
  backend "gcs" {
    prefix = "fib"
  }
}
