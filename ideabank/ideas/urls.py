from django.urls import path

app_name = "ideas"

urlpatterns: list = [
    path("<int:pk>/", lambda request, pk: None, name="detail"),  # replaced by the HTML views
]
