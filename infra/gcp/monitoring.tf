# Alert policies email the on-call address; docs/runbook.md has an entry per policy name.

resource "google_monitoring_notification_channel" "email" {
  display_name = "${local.name} on-call"
  type         = "email"
  labels = {
    email_address = var.alarm_email
  }
  user_labels = local.labels
}

resource "google_monitoring_uptime_check_config" "healthz" {
  display_name     = "${local.name}-healthz"
  timeout          = "10s"
  period           = "60s"
  checker_type     = "STATIC_IP_CHECKERS"
  selected_regions = ["EUROPE", "USA", "ASIA_PACIFIC"]
  user_labels      = local.labels

  http_check {
    path           = "/healthz"
    port           = 443
    use_ssl        = true
    validate_ssl   = true
    request_method = "GET"
    accepted_response_status_codes {
      status_value = 200
    }
  }

  monitored_resource {
    type = "uptime_url"
    labels = {
      project_id = var.project_id
      host       = local.function_host
    }
  }

  content_matchers {
    content = "\"status\":\"ok\""
    matcher = "CONTAINS_STRING"
  }
}

locals {
  run_filter = "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \"${google_cloudfunctions2_function.api.service_config[0].service}\""
}

resource "google_monitoring_alert_policy" "uptime" {
  display_name          = "${local.name}-uptime"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.email.id]
  user_labels           = local.labels
  severity              = "CRITICAL"

  conditions {
    display_name = "/healthz failing from 2+ regions"
    condition_threshold {
      filter          = "metric.type = \"monitoring.googleapis.com/uptime_check/check_passed\" AND resource.type = \"uptime_url\" AND metric.labels.check_id = \"${google_monitoring_uptime_check_config.healthz.uptime_check_id}\""
      comparison      = "COMPARISON_GT"
      threshold_value = 1
      duration        = "120s"
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_NEXT_OLDER"
        cross_series_reducer = "REDUCE_COUNT_FALSE"
        group_by_fields      = ["resource.label.project_id", "resource.label.host"]
      }
      trigger {
        count = 1
      }
    }
  }

  documentation {
    content   = "Uptime check on /healthz is failing. See docs/runbook.md#gcp-uptime."
    mime_type = "text/markdown"
  }
}

resource "google_monitoring_alert_policy" "error_ratio" {
  display_name          = "${local.name}-5xx-ratio"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.email.id]
  user_labels           = local.labels
  severity              = "ERROR"

  conditions {
    display_name = "5xx above ${var.error_ratio_threshold * 100}% of requests"
    condition_threshold {
      filter                  = "${local.run_filter} AND metric.type = \"run.googleapis.com/request_count\" AND metric.labels.response_code_class = \"5xx\""
      denominator_filter      = "${local.run_filter} AND metric.type = \"run.googleapis.com/request_count\""
      comparison              = "COMPARISON_GT"
      threshold_value         = var.error_ratio_threshold
      duration                = "300s"
      evaluation_missing_data = "EVALUATION_MISSING_DATA_INACTIVE"
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_RATE"
        cross_series_reducer = "REDUCE_SUM"
      }
      denominator_aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_RATE"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    content   = "The function answers 5xx. See docs/runbook.md#gcp-5xx-ratio."
    mime_type = "text/markdown"
  }
}

resource "google_monitoring_alert_policy" "latency" {
  display_name          = "${local.name}-latency"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.email.id]
  user_labels           = local.labels
  severity              = "WARNING"

  conditions {
    display_name = "p99 latency above ${var.latency_threshold_ms} ms"
    condition_threshold {
      filter                  = "${local.run_filter} AND metric.type = \"run.googleapis.com/request_latencies\""
      comparison              = "COMPARISON_GT"
      threshold_value         = var.latency_threshold_ms
      duration                = "300s"
      evaluation_missing_data = "EVALUATION_MISSING_DATA_INACTIVE"
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_PERCENTILE_99"
        cross_series_reducer = "REDUCE_MAX"
      }
    }
  }

  documentation {
    content   = "Requests are slow. See docs/runbook.md#gcp-latency."
    mime_type = "text/markdown"
  }
}
