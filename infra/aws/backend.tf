# Partial configuration: supply bucket/key/region at init (see README.md), e.g.
#   terraform init -backend-config=backend.hcl
terraform {
  backend "s3" {
    use_lockfile = true
    encrypt      = true
  }
}
