variable "name" {
  type        = string
  description = "Topic name."
}

variable "email" {
  type        = string
  description = "Address subscribed to the topic."
}
