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
  name          = module.conventions.name
  handler       = "adapters/aws/handler.handler" # the file and function `make package` puts in aws.zip
  runtime       = "python3.12"
  alias_name    = "live"
  log_group     = "/aws/lambda/${local.name}"
  function_host = trimsuffix(trimprefix(aws_lambda_function_url.live.function_url, "https://"), "/")
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

# --- identity: the function may write its own logs and traces, nothing else ----------------------

data "aws_iam_policy_document" "assume_lambda" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  name               = "${local.name}-function"
  description        = "Runtime role of ${local.name}: its own log group and X-Ray only."
  assume_role_policy = data.aws_iam_policy_document.assume_lambda.json
}

data "aws_iam_policy_document" "function" {
  statement {
    sid       = "OwnLogGroup"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function.arn}:*"]
  }
  statement {
    sid = "Tracing"
    # X-Ray has no resource-level permissions for these actions.
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "function" {
  name   = "${local.name}-logs-and-traces"
  role   = aws_iam_role.function.id
  policy = data.aws_iam_policy_document.function.json
}

resource "aws_cloudwatch_log_group" "function" {
  #checkov:skip=CKV_AWS_338:Retention is var.log_retention_days (default 30): request logs have no audit value past a month; set 365 where policy asks for it.
  #checkov:skip=CKV_AWS_158:Logs are encrypted at rest by CloudWatch; they hold request metadata only, no secrets, so a customer-managed key adds cost without a reader to protect against.
  name              = local.log_group
  retention_in_days = var.log_retention_days
}

# --- the function -------------------------------------------------------------------------------

resource "aws_lambda_function" "api" {
  #checkov:skip=CKV_AWS_116:Synchronous HTTP invocations return errors to the caller; a dead-letter queue only applies to asynchronous invokes.
  #checkov:skip=CKV_AWS_117:The function calls no private resource, so a VPC would add cold-start latency and NAT cost for nothing.
  #checkov:skip=CKV_AWS_173:The environment holds only public limits (FIB_MAX_N, ...) and Powertools settings, no secrets.
  #checkov:skip=CKV_AWS_272:Integrity comes from the reproducible, hash-checked build (make package); code signing needs a Signer profile per account, documented as an option in README.md.
  function_name                  = local.name
  description                    = "Fibonacci numbers over HTTP (fib_core behind Mangum)"
  role                           = aws_iam_role.function.arn
  handler                        = local.handler
  runtime                        = local.runtime
  architectures                  = [var.architecture]
  filename                       = var.package_path
  source_code_hash               = filebase64sha256(var.package_path)
  memory_size                    = var.memory_mb
  timeout                        = var.timeout_seconds
  reserved_concurrent_executions = var.reserved_concurrency
  publish                        = true # every code or config change is a new version; `live` picks which serves

  environment {
    variables = merge(module.conventions.app_settings, {
      POWERTOOLS_SERVICE_NAME      = var.service
      POWERTOOLS_METRICS_NAMESPACE = var.service
      POWERTOOLS_LOG_LEVEL         = var.log_level
    })
  }

  tracing_config {
    mode = "Active"
  }

  logging_config {
    log_format            = "JSON"
    log_group             = aws_cloudwatch_log_group.function.name
    application_log_level = var.log_level == "WARNING" ? "WARN" : var.log_level
    system_log_level      = "WARN"
  }

  dynamic "snap_start" {
    for_each = var.enable_snap_start ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  depends_on = [aws_iam_role_policy.function]
}

# `live` is what the URL serves. Terraform creates it on the first version; after that the release tool
# (gradual shift with alarms, rollback) moves it, so Terraform leaves its version and weights alone.
resource "aws_lambda_alias" "live" {
  name             = local.alias_name
  description      = "The version the public URL serves; moved by the release tool."
  function_name    = aws_lambda_function.api.function_name
  function_version = aws_lambda_function.api.version

  lifecycle {
    ignore_changes = [function_version, routing_config]
  }
}

resource "aws_lambda_function_url" "live" {
  #checkov:skip=CKV_AWS_258:The function URL is the public API by design (anyone may ask for Fibonacci numbers); abuse is bounded by reserved concurrency, the response-size limit and the alarms.
  function_name      = aws_lambda_function.api.function_name
  qualifier          = aws_lambda_alias.live.name
  authorization_type = "NONE"
  invoke_mode        = "BUFFERED"
}

# Public access to an auth-type NONE URL: since October 2025 Lambda wants both actions granted.
resource "aws_lambda_permission" "public_url" {
  #checkov:skip=CKV_AWS_301:The function URL is the public API by design; this grant is what makes an auth-type NONE URL answer.
  statement_id           = "AllowPublicFunctionUrl"
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = aws_lambda_function.api.function_name
  qualifier              = aws_lambda_alias.live.name
  principal              = "*"
  function_url_auth_type = "NONE"
}

resource "aws_lambda_permission" "public_invoke" {
  #checkov:skip=CKV_AWS_301:Required for a public function URL (lambda:InvokeFunction alongside InvokeFunctionUrl); the function is public by design and holds no data.
  statement_id  = "AllowPublicInvokeForFunctionUrl"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.api.function_name
  qualifier     = aws_lambda_alias.live.name
  principal     = "*"
}
