mapboxgl.accessToken = "pk.eyJ1IjoidXNlcjEyMzQiLCJhIjoiYWJjMTIzNCJ9.AbCd01-_EfGh23IjAbCd01";
