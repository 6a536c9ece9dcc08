# Alarms page the on-call address; docs/runbook.md has an entry per alarm name below.

module "alarm_topic" {
  source = "./modules/alarm_topic"
  name   = "${local.name}-alarms"
  email  = var.alarm_email
}

module "alarm_topic_us_east_1" {
  source    = "./modules/alarm_topic"
  providers = { aws = aws.us_east_1 }
  name      = "${local.name}-uptime-alarms"
  email     = var.alarm_email
}

locals {
  function_dimensions = { FunctionName = aws_lambda_function.api.function_name }
  url_dimensions      = { FunctionName = aws_lambda_function.api.function_name, Resource = "${aws_lambda_function.api.function_name}:${local.alias_name}" }

  # One definition per alarm; names are what the runbook is indexed by.
  lambda_alarms = {
    errors = {
      description = "Unhandled errors or timeouts in ${local.name}."
      metric      = "Errors"
      statistic   = "Sum"
      threshold   = var.error_alarm_threshold
      dimensions  = local.function_dimensions
    }
    throttles = {
      description = "Requests rejected because ${local.name} reached its reserved concurrency."
      metric      = "Throttles"
      statistic   = "Sum"
      threshold   = 1
      dimensions  = local.function_dimensions
    }
    url-5xx = {
      description = "The function URL of ${local.name} answered 5xx."
      metric      = "Url5xxCount"
      statistic   = "Sum"
      threshold   = 1
      dimensions  = local.url_dimensions
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "lambda" {
  for_each            = local.lambda_alarms
  alarm_name          = "${local.name}-${each.key}"
  alarm_description   = "${each.value.description} See docs/runbook.md#aws-${each.key}."
  namespace           = "AWS/Lambda"
  metric_name         = each.value.metric
  dimensions          = each.value.dimensions
  statistic           = each.value.statistic
  period              = 300
  evaluation_periods  = 1
  threshold           = each.value.threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [module.alarm_topic.topic_arn]
  ok_actions          = [module.alarm_topic.topic_arn]
}

resource "aws_cloudwatch_metric_alarm" "duration" {
  alarm_name          = "${local.name}-duration-near-timeout"
  alarm_description   = "p99 duration of ${local.name} is above ${var.duration_alarm_percent}% of its ${var.timeout_seconds} s timeout. See docs/runbook.md#aws-duration-near-timeout."
  namespace           = "AWS/Lambda"
  metric_name         = "Duration"
  dimensions          = local.function_dimensions
  extended_statistic  = "p99"
  period              = 300
  evaluation_periods  = 2
  threshold           = var.timeout_seconds * 1000 * var.duration_alarm_percent / 100
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [module.alarm_topic.topic_arn]
  ok_actions          = [module.alarm_topic.topic_arn]
}

# --- uptime: Route 53 probes /healthz over HTTPS from several regions ---------------------------

resource "aws_route53_health_check" "healthz" {
  type              = "HTTPS"
  fqdn              = local.function_host
  port              = 443
  resource_path     = "/healthz"
  request_interval  = 30
  failure_threshold = 3
  measure_latency   = true
  enable_sni        = true
  tags              = { Name = "${local.name}-healthz" }
}

resource "aws_cloudwatch_metric_alarm" "uptime" {
  provider            = aws.us_east_1
  alarm_name          = "${local.name}-uptime"
  alarm_description   = "Route 53 cannot get 200 from ${local.name}'s /healthz. See docs/runbook.md#aws-uptime."
  namespace           = "AWS/Route53"
  metric_name         = "HealthCheckStatus"
  dimensions          = { HealthCheckId = aws_route53_health_check.healthz.id }
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 2
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = [module.alarm_topic_us_east_1.topic_arn]
  ok_actions          = [module.alarm_topic_us_east_1.topic_arn]
}

# --- dashboard -------------------------------------------------------------------------------------

resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = local.name
  dashboard_body = jsonencode({
    widgets = [
      for index, widget in [
        { title = "Invocations, errors, throttles", stat = "Sum", metrics = [
          ["AWS/Lambda", "Invocations", "FunctionName", local.name],
          ["AWS/Lambda", "Errors", "FunctionName", local.name],
          ["AWS/Lambda", "Throttles", "FunctionName", local.name],
        ] },
        { title = "Duration p50 / p99 (ms)", stat = "p99", metrics = [
          ["AWS/Lambda", "Duration", "FunctionName", local.name, { stat = "p50" }],
          ["AWS/Lambda", "Duration", "FunctionName", local.name],
        ] },
        { title = "Function URL 4xx / 5xx", stat = "Sum", metrics = [
          ["AWS/Lambda", "Url4xxCount", "FunctionName", local.name, "Resource", "${local.name}:${local.alias_name}"],
          ["AWS/Lambda", "Url5xxCount", "FunctionName", local.name, "Resource", "${local.name}:${local.alias_name}"],
        ] },
        { title = "Concurrent executions (cap ${var.reserved_concurrency})", stat = "Maximum", metrics = [
          ["AWS/Lambda", "ConcurrentExecutions", "FunctionName", local.name],
        ] },
        { title = "Uptime (Route 53 /healthz)", stat = "Minimum", region = "us-east-1", metrics = [
          ["AWS/Route53", "HealthCheckStatus", "HealthCheckId", aws_route53_health_check.healthz.id],
        ] },
        { title = "App compute time by route (EMF, ms)", stat = "p99", metrics = [
          [{ expression = "SEARCH('{${var.service},route,service,status_class} MetricName=\"ComputeTime\"', 'p99', 300)", id = "compute" }],
        ] },
        ] : {
        type   = "metric"
        x      = (index % 2) * 12
        y      = floor(index / 2) * 6
        width  = 12
        height = 6
        properties = {
          title   = widget.title
          region  = lookup(widget, "region", var.region)
          stat    = widget.stat
          period  = 300
          view    = "timeSeries"
          metrics = widget.metrics
        }
      }
    ]
  })
}
