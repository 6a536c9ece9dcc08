provider "aws" {
  region = var.region
  default_tags {
    tags = module.conventions.tags
  }
}

# Route 53 health checks publish their metrics only in us-east-1: the uptime alarm and its topic live there.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
  default_tags {
    tags = module.conventions.tags
  }
}
