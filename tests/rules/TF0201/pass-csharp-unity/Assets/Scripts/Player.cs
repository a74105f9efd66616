using UnityEngine;
using TMPro;

public class Player : MonoBehaviour {}
