module "conventions" {
  source             = "../modules/conventions"
  service            = var.service
  environment        = var.environment
  tags               = var.tags
  max_n              = var.max_n
  max_response_bytes = var.max_response_bytes
  log_level          = var.log_level
}

locals {
  name        = module.conventions.name
  labels      = module.conventions.labels
  runtime     = "python312"
  entry_point = "fibonacci" # the functions-framework target in adapters/gcp/main.py
  apis = toset([
    "cloudfunctions.googleapis.com", "run.googleapis.com", "cloudbuild.googleapis.com",
    "artifactregistry.googleapis.com", "storage.googleapis.com", "logging.googleapis.com",
    "monitoring.googleapis.com",
  ])
  function_host = trimprefix(google_cloudfunctions2_function.api.service_config[0].uri, "https://")
}

resource "google_project_service" "required" {
  for_each           = local.apis
  service            = each.value
  disable_on_destroy = false
}

# --- identities: the runtime needs no roles at all; the build only what building needs -------------

resource "google_service_account" "runtime" {
  account_id   = "${local.name}-run"
  display_name = "${local.name} runtime (no roles: computes and logs to stdout only)"
}

resource "google_service_account" "build" {
  account_id   = "${local.name}-build"
  display_name = "${local.name} Cloud Build"
}

resource "google_project_iam_member" "build" {
  for_each = toset(["roles/logging.logWriter", "roles/artifactregistry.writer", "roles/storage.objectViewer"])
  project  = var.project_id
  role     = each.value
  member   = "serviceAccount:${google_service_account.build.email}"
}

# --- source: dist/gcp.zip in a private bucket, named by content so each package is a new object -----

resource "google_storage_bucket" "source" {
  #checkov:skip=CKV_GCP_62:The bucket holds build packages only; Cloud Audit Logs already record who changes them.
  name                        = "${var.project_id}-${local.name}-source"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = true
  labels                      = local.labels

  versioning {
    enabled = true
  }

  lifecycle_rule {
    condition {
      num_newer_versions = 5
    }
    action {
      type = "Delete"
    }
  }
}

resource "google_storage_bucket_object" "source" {
  name   = "gcp-${filemd5(var.package_path)}.zip"
  bucket = google_storage_bucket.source.name
  source = var.package_path
}

# --- the function ---------------------------------------------------------------------------------

resource "google_cloudfunctions2_function" "api" {
  #checkov:skip=CKV_GCP_124:ALLOW_ALL ingress: the function is the public API by design (var.public decides who may invoke).
  name        = local.name
  location    = var.region
  description = "Fibonacci numbers over HTTP (fib_core via functions-framework)"
  labels      = local.labels

  build_config {
    runtime         = local.runtime
    entry_point     = local.entry_point
    service_account = google_service_account.build.id
    source {
      storage_source {
        bucket = google_storage_bucket.source.name
        object = google_storage_bucket_object.source.name
      }
    }
  }

  service_config {
    available_memory                 = var.memory
    timeout_seconds                  = var.timeout_seconds
    min_instance_count               = 0
    max_instance_count               = var.max_instance_count
    max_instance_request_concurrency = 1 # computations are CPU-bound: one per instance keeps latency flat
    ingress_settings                 = "ALLOW_ALL"
    all_traffic_on_latest_revision   = true
    service_account_email            = google_service_account.runtime.email
    environment_variables = merge(module.conventions.app_settings, {
      GOOGLE_CLOUD_PROJECT = var.project_id # lets the adapter link log lines to traces
    })
  }

  depends_on = [google_project_service.required, google_project_iam_member.build]
}

resource "google_cloud_run_service_iam_member" "public" {
  #checkov:skip=CKV_GCP_102:Public invocation is the point of the API and a variable (var.public, default true).
  count    = var.public ? 1 : 0
  location = google_cloudfunctions2_function.api.location
  service  = google_cloudfunctions2_function.api.service_config[0].service
  role     = "roles/run.invoker"
  member   = "allUsers"
}
