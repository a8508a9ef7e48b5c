from django.dispatch import Signal

# An address the receiving server refused for good (a 5xx to the recipient), sent with
# ``address`` and ``detail``: the newsletters suppress it, as they do a provider's hard bounce.
address_bounced = Signal()
