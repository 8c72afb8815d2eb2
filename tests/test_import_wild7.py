"""Lists in shapes written blind, round seven (issue 22): ``tests/data/wild7/*.md`` were written from memory of
public awesome lists and survey companions before the importer was changed for them, in layouts earlier rounds did
not hold: a model timeline table (``| Date | Model | Institution | Paper | Code | Params |`` with ``2023/03`` dates,
the Paper cell a title link or only ``[arXiv](…)``, rows with only a blog or weights), a leaderboard (model rows
with score columns, the same paper in several rows, a ``Ref`` column of note numbers with the notes under the
table), paragraph cards (``**Title**<br>Authors<br>Venue Year<br>[Paper](…) | [Code](…)`` between ``---`` rules,
centred figures with ``<sub>`` captions), deeply nested bullets (topic > family > paper, ``1) [Title](url), Venue
Year`` or ``* Title ([pdf](…), [code](…))`` with ``- Key idea:``/``- TL;DR:``/``- Note:`` lines under a paper), a
survey companion (the body cites ``[12]``, a References section at the bottom holds ``[12] A. Author. Title. In
Venue, Year. [[link](…)]``, one work named "LLaVA" in one section and "Visual Instruction Tuning" in another) and a
mixed list (a two-column HTML gallery, tables whose Links cell is ``[paper](…)<br>[code](…)<br>[project](…)``,
star badges, titles holding ``*italics*``, ``code``, ``$\\alpha$``, ``&amp;`` and emoji).

Each is imported as a maintainer would (imported again, built with ``-W``, exported and imported again); the
tests say what a careful reader of each list would say: every paper its own page, its title exactly, its date,
links, authors; blogs, tools, datasets and weights are not papers; notes under a paper stay its notes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import (
    assert_clean_import,
    assert_every_paper_its_own_dated_page,
    assert_generated_entries,
    assert_round_trip_keeps_links,
    assert_titles_dates_and_links,
    by_title,
    import_as_a_maintainer,
    links_of,
    paper_pages,
)
from papershelf.formats.lists.fields import VENUE_YEAR, clean_title, is_label

WILD = Path(__file__).parent / "data" / "wild7"
LISTS = sorted(path for path in WILD.glob("*.md") if path.name != "README.md")
A = "https://arxiv.org/abs/"
P = "https://arxiv.org/pdf/"


@pytest.fixture(scope="module")
def shelves(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    return import_as_a_maintainer(LISTS, tmp_path_factory)


#: list -> number of papers it lists (each its own page)
COUNTS = {"leaderboard": 21, "mixed-gallery": 26, "model-timeline": 24, "nested-notes": 23, "paragraph-cards": 20, "survey-references": 22}
#: list -> title -> (date, the paper link, other links {kind: url}); an arXiv id dates a paper by its month, else
#: the list's own month; a Paper cell that is only a label ("[arXiv](…)") leaves the Model cell as the title
EXPECTED: dict[str, dict[str, tuple[str, str, dict[str, str]]]] = {
    "model-timeline": {
        "Attention Is All You Need": ("2017-06", A + "1706.03762", {"code": "https://github.com/tensorflow/tensor2tensor"}),
        "Improving Language Understanding by Generative Pre-Training": (
            "2018-06", "https://cdn.openai.com/research-covers/language-unsupervised/language_understanding_paper.pdf",
            {"code": "https://github.com/openai/finetune-transformer-lm"}),
        "Language Models are Unsupervised Multitask Learners": (
            "2019-02", "https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf",
            {"code": "https://github.com/openai/gpt-2"}),
        "Megatron-LM": ("2019-09", A + "1909.08053", {"code": "https://github.com/NVIDIA/Megatron-LM"}),
        "Language Models are Few-Shot Learners": ("2020-05", A + "2005.14165", {}),
        "Switch Transformer": ("2021-01", A + "2101.03961", {"code": "https://github.com/google-research/t5x"}),
        "Scaling Language Models: Methods, Analysis & Insights from Training Gopher": ("2021-12", A + "2112.11446", {}),
        "Chinchilla": ("2022-03", A + "2203.15556", {}),
        "PaLM: Scaling Language Modeling with Pathways": ("2022-04", A + "2204.02311", {}),
        "OPT": ("2022-05", A + "2205.01068", {"code": "https://github.com/facebookresearch/metaseq"}),
        "BLOOM: A 176B-Parameter Open-Access Multilingual Language Model": ("2022-11", A + "2211.05100", {}),
        "LLaMA: Open and Efficient Foundation Language Models": ("2023-02", A + "2302.13971", {"code": "https://github.com/facebookresearch/llama"}),
        "GPT-4 Technical Report": ("2023-03", A + "2303.08774", {}),
        "Llama 2: Open Foundation and Fine-Tuned Chat Models": ("2023-07", A + "2307.09288", {"code": "https://github.com/facebookresearch/llama"}),
        "Mistral 7B": ("2023-10", A + "2310.06825", {"code": "https://github.com/mistralai/mistral-src"}),
        "Mixtral 8x7B": ("2024-01", A + "2401.04088", {"blog": "https://mistral.ai/news/mixtral-of-experts/"}),
        "The Llama 3 Herd of Models": ("2024-07", A + "2407.21783", {"code": "https://github.com/meta-llama/llama-models"}),
        "DeepSeek-V3 Technical Report": ("2024-12", A + "2412.19437", {"code": "https://github.com/deepseek-ai/DeepSeek-V3"}),
        "DeepSeek-R1": ("2025-01", A + "2501.12948", {"code": "https://github.com/deepseek-ai/DeepSeek-R1"}),
        "Evaluating Large Language Models Trained on Code": ("2021-07", A + "2107.03374", {"code": "https://github.com/openai/human-eval"}),
        "CodeGen": ("2022-03", A + "2203.13474", {"code": "https://github.com/salesforce/CodeGen"}),
        "StarCoder: may the source be with you!": ("2023-05", A + "2305.06161", {"code": "https://github.com/bigcode-project/starcoder"}),
        "Code Llama: Open Foundation Models for Code": ("2023-08", A + "2308.12950", {"code": "https://github.com/facebookresearch/codellama"}),
        "DeepSeek-Coder": ("2024-01", A + "2401.14196", {"code": "https://github.com/deepseek-ai/DeepSeek-Coder"}),
    },
    "leaderboard": {
        "CoCa: Contrastive Captioners are Image-Text Foundation Models": ("2022-05", A + "2205.01917", {}),
        "Model soups: averaging weights of multiple fine-tuned models improves accuracy without increasing inference time": (
            "2022-03", A + "2203.05482", {"code": "https://github.com/mlfoundations/model-soups"}),
        "CoAtNet: Marrying Convolution and Attention for All Data Sizes": ("2021-06", A + "2106.04803", {}),
        "Scaling Vision Transformers": ("2021-06", A + "2106.04560", {"code": "https://github.com/google-research/big_vision"}),
        "Meta Pseudo Labels": ("2020-03", A + "2003.10580", {}),
        "EVA-02: A Visual Representation for Neon Genesis": ("2023-03", A + "2303.11331", {"code": "https://github.com/baaivision/EVA"}),
        "ConvNeXt V2: Co-designing and Scaling ConvNets with Masked Autoencoders": ("2023-01", A + "2301.00808", {"code": "https://github.com/facebookresearch/ConvNeXt-V2"}),
        "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale": (
            "2020-10", A + "2010.11929", {"code": "https://github.com/google-research/vision_transformer"}),
        "Self-training with Noisy Student improves ImageNet classification": ("2019-11", A + "1911.04252", {"code": "https://github.com/google-research/noisystudent"}),
        "Masked Autoencoders Are Scalable Vision Learners": ("2021-11", A + "2111.06377", {"code": "https://github.com/facebookresearch/mae"}),
        "Swin Transformer: Hierarchical Vision Transformer using Shifted Windows": ("2021-03", A + "2103.14030", {"code": "https://github.com/microsoft/Swin-Transformer"}),
        "Training data-efficient image transformers & distillation through attention": ("2020-12", A + "2012.12877", {"code": "https://github.com/facebookresearch/deit"}),
        "EfficientNet: Rethinking Model Scaling for Convolutional Neural Networks": ("2019-05", A + "1905.11946", {}),
        "Deep Residual Learning for Image Recognition": ("2015-12", A + "1512.03385", {}),
        "DETRs with Collaborative Hybrid Assignments Training": ("2022-11", A + "2211.12860", {"code": "https://github.com/Sense-X/Co-DETR"}),
        "DINO: DETR with Improved DeNoising Anchor Boxes for End-to-End Object Detection": ("2022-03", A + "2203.03605", {"code": "https://github.com/IDEA-Research/DINO"}),
        "Swin Transformer V2: Scaling Up Capacity and Resolution": ("2021-11", A + "2111.09883", {}),
        "Mask DINO: Towards A Unified Transformer-based Framework for Object Detection and Segmentation": (
            "2022-06", A + "2206.02777", {"code": "https://github.com/IDEA-Research/MaskDINO"}),
        "YOLOv7: Trainable bag-of-freebies sets new state-of-the-art for real-time object detectors": ("2022-07", A + "2207.02696", {"code": "https://github.com/WongKinYiu/yolov7"}),
        "Deformable DETR: Deformable Transformers for End-to-End Object Detection": (
            "2020-10", A + "2010.04159", {"code": "https://github.com/fundamentalvision/Deformable-DETR"}),
        "End-to-End Object Detection with Transformers": ("2020-05", A + "2005.12872", {"code": "https://github.com/facebookresearch/detr"}),
    },
    "paragraph-cards": {
        "NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis": (
            "2020-03", A + "2003.08934", {"code": "https://github.com/bmild/nerf", "homepage": "https://www.matthewtancik.com/nerf"}),
        "Mip-NeRF: A Multiscale Representation for Anti-Aliasing Neural Radiance Fields": ("2021-03", A + "2103.13415", {"code": "https://github.com/google/mipnerf"}),
        "Mip-NeRF 360: Unbounded Anti-Aliased Neural Radiance Fields": ("2021-11", A + "2111.12077", {"homepage": "https://jonbarron.info/mipnerf360/"}),
        "Zip-NeRF: Anti-Aliased Grid-Based Neural Radiance Fields": ("2023-04", A + "2304.06706", {"homepage": "https://jonbarron.info/zipnerf/"}),
        "Instant Neural Graphics Primitives with a Multiresolution Hash Encoding": (
            "2022-01", A + "2201.05989", {"code": "https://github.com/NVlabs/instant-ngp", "homepage": "https://nvlabs.github.io/instant-ngp/"}),
        "Plenoxels: Radiance Fields without Neural Networks": ("2021-12", A + "2112.05131", {"code": "https://github.com/sxyu/svox2"}),
        "TensoRF: Tensorial Radiance Fields": ("2022-03", A + "2203.09517", {"code": "https://github.com/apchenstu/TensoRF"}),
        "Nerfstudio: A Modular Framework for Neural Radiance Field Development": ("2023-02", A + "2302.04264", {"code": "https://github.com/nerfstudio-project/nerfstudio"}),
        "3D Gaussian Splatting for Real-Time Radiance Field Rendering": (
            "2023-08", A + "2308.04079",
            {"code": "https://github.com/graphdeco-inria/gaussian-splatting", "homepage": "https://repo-sam.inria.fr/fungraph/3d-gaussian-splatting/"}),
        "Mip-Splatting: Alias-free 3D Gaussian Splatting": ("2023-11", A + "2311.16493", {"code": "https://github.com/autonomousvision/mip-splatting"}),
        "2D Gaussian Splatting for Geometrically Accurate Radiance Fields": ("2024-03", A + "2403.17888", {"code": "https://github.com/hbb1/2d-gaussian-splatting"}),
        "SuGaR: Surface-Aligned Gaussian Splatting for Efficient 3D Mesh Reconstruction and High-Quality Mesh Rendering": (
            "2023-11", A + "2311.12775", {"code": "https://github.com/Anttwo/SuGaR"}),
        "Scaffold-GS: Structured 3D Gaussians for View-Adaptive Rendering": ("2023-12", A + "2312.00109", {"code": "https://github.com/city-super/Scaffold-GS"}),
        "Dynamic 3D Gaussians: Tracking by Persistent Dynamic View Synthesis": ("2023-08", A + "2308.09713", {"code": "https://github.com/JonathonLuiten/Dynamic3DGaussians"}),
        "4D Gaussian Splatting for Real-Time Dynamic Scene Rendering": ("2023-10", A + "2310.08528", {"code": "https://github.com/hustvl/4DGaussians"}),
        "SplaTAM: Splat, Track & Map 3D Gaussians for Dense RGB-D SLAM": ("2023-12", A + "2312.02126", {"code": "https://github.com/spla-tam/SplaTAM"}),
        "Gaussian Splatting SLAM": ("2023-12", A + "2312.06741", {"code": "https://github.com/muskie82/MonoGS", "video": "https://www.youtube.com/watch?v=x604ghp9R_Q"}),
        "DreamFusion: Text-to-3D using 2D Diffusion": ("2022-09", A + "2209.14988", {"homepage": "https://dreamfusion3d.github.io/"}),
        "DreamGaussian: Generative Gaussian Splatting for Efficient 3D Content Creation": (
            "2023-09", A + "2309.16653", {"code": "https://github.com/dreamgaussian/dreamgaussian", "homepage": "https://dreamgaussian.github.io/"}),
        "LERF: Language Embedded Radiance Fields": ("2023-03", A + "2303.09553", {"code": "https://github.com/kerrj/lerf", "homepage": "https://www.lerf.io/"}),
    },
    "nested-notes": {
        "Playing Atari with Deep Reinforcement Learning": ("2013-12", A + "1312.5602", {}),
        "Deep Reinforcement Learning with Double Q-learning": ("2015-09", A + "1509.06461", {}),
        "Dueling Network Architectures for Deep Reinforcement Learning": ("2015-11", A + "1511.06581", {}),
        "Prioritized Experience Replay": ("2015-11", A + "1511.05952", {}),
        "A Distributional Perspective on Reinforcement Learning": ("2017-07", A + "1707.06887", {}),
        "Rainbow: Combining Improvements in Deep Reinforcement Learning": ("2017-10", A + "1710.02298", {}),
        "Trust Region Policy Optimization": ("2015-02", P + "1502.05477", {"code": "https://github.com/joschu/modular_rl"}),
        "Proximal Policy Optimization Algorithms": ("2017-07", P + "1707.06347", {"code": "https://github.com/openai/baselines"}),
        "High-Dimensional Continuous Control Using Generalized Advantage Estimation": ("2015-06", P + "1506.02438", {}),
        "Asynchronous Methods for Deep Reinforcement Learning": ("2016-02", P + "1602.01783", {}),
        "Continuous control with deep reinforcement learning": ("2015-09", P + "1509.02971", {}),
        "Addressing Function Approximation Error in Actor-Critic Methods": ("2018-02", P + "1802.09477", {"code": "https://github.com/sfujim/TD3"}),
        "Soft Actor-Critic: Off-Policy Maximum Entropy Deep Reinforcement Learning with a Stochastic Actor": (
            "2018-01", P + "1801.01290", {"code": "https://github.com/haarnoja/sac"}),
        "World Models": ("2018-03", A + "1803.10122", {}),
        "Dream to Control: Learning Behaviors by Latent Imagination": ("2019-12", A + "1912.01603", {}),
        "Mastering Diverse Domains through World Models": ("2023-01", A + "2301.04104", {}),
        "Mastering Atari, Go, Chess and Shogi by Planning with a Learned Model": ("2019-11", A + "1911.08265", {}),
        "When to Trust Your Model: Model-Based Policy Optimization": ("2019-06", A + "1906.08253", {}),
        "Conservative Q-Learning for Offline Reinforcement Learning": ("2020-06", A + "2006.04779", {}),
        "Offline Reinforcement Learning with Implicit Q-Learning": ("2021-10", A + "2110.06169", {}),
        "Off-Policy Deep Reinforcement Learning without Exploration": ("2018-12", A + "1812.02900", {}),
        "Decision Transformer: Reinforcement Learning via Sequence Modeling": ("2021-06", P + "2106.01345", {"code": "https://github.com/kzl/decision-transformer"}),
        "Offline Reinforcement Learning as One Big Sequence Modeling Problem": ("2021-06", P + "2106.02039", {"code": "https://github.com/jannerm/trajectory-transformer"}),
    },
    "survey-references": {
        "Learning Transferable Visual Models From Natural Language Supervision": ("2021-03", A + "2103.00020", {}),
        "EVA-CLIP: Improved Training Techniques for CLIP at Scale": ("2023-03", A + "2303.15389", {}),
        "Sigmoid Loss for Language Image Pre-Training": ("2023-03", A + "2303.15343", {}),
        "BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models": ("2023-01", A + "2301.12597", {}),
        "InstructBLIP: Towards General-purpose Vision-Language Models with Instruction Tuning": ("2023-05", A + "2305.06500", {}),
        "Visual Instruction Tuning": ("2023-04", A + "2304.08485", {}),
        "Improved Baselines with Visual Instruction Tuning": ("2023-10", A + "2310.03744", {}),
        "Flamingo: a Visual Language Model for Few-Shot Learning": ("2022-04", A + "2204.14198", {}),
        "MiniGPT-4: Enhancing Vision-Language Understanding with Advanced Large Language Models": ("2023-04", A + "2304.10592", {}),
        "Qwen-VL: A Versatile Vision-Language Model for Understanding, Localization, Text Reading, and Beyond": ("2023-08", A + "2308.12966", {}),
        "mPLUG-Owl: Modularization Empowers Large Language Models with Multimodality": ("2023-04", A + "2304.14178", {}),
        "CogVLM: Visual Expert for Pretrained Language Models": ("2023-11", A + "2311.03079", {}),
        "InternVL: Scaling up Vision Foundation Models and Aligning for Generic Visual-Linguistic Tasks": ("2023-12", A + "2312.14238", {}),
        "A Survey on Multimodal Large Language Models": ("2023-06", A + "2306.13549", {}),
        "Evaluating Object Hallucination in Large Vision-Language Models": ("2023-05", A + "2305.10355", {}),
        "MME: A Comprehensive Evaluation Benchmark for Multimodal Large Language Models": ("2023-06", A + "2306.13394", {}),
        "MMBench: Is Your Multi-modal Model an All-around Player?": ("2023-07", A + "2307.06281", {}),
        "MMMU: A Massive Multi-discipline Multimodal Understanding and Reasoning Benchmark for Expert AGI": ("2023-11", A + "2311.16502", {}),
        "Aligning Large Multimodal Models with Factually Augmented RLHF": ("2023-09", A + "2309.14525", {}),
        "RLHF-V: Towards Trustworthy MLLMs via Behavior Alignment from Fine-grained Correctional Human Feedback": ("2023-12", A + "2312.00849", {}),
        "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale": ("2020-10", A + "2010.11929", {}),
        "BLIP: Bootstrapping Language-Image Pre-training for Unified Vision-Language Understanding and Generation": ("2022-01", A + "2201.12086", {}),
    },
    "mixed-gallery": {
        "High-Resolution Image Synthesis with Latent Diffusion Models": ("2021-12", A + "2112.10752", {"code": "https://github.com/CompVis/latent-diffusion"}),
        "Adding Conditional Control to Text-to-Image Diffusion Models": ("2023-02", A + "2302.05543", {"code": "https://github.com/lllyasviel/ControlNet"}),
        "SDXL: Improving Latent Diffusion Models for High-Resolution Image Synthesis": ("2023-07", A + "2307.01952", {"code": "https://github.com/Stability-AI/generative-models"}),
        "DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation": ("2022-08", A + "2208.12242", {"homepage": "https://dreambooth.github.io/"}),
        "Stable Video Diffusion: Scaling Latent Video Diffusion Models to Large Datasets": ("2023-11", A + "2311.15127", {}),
        "Animate Anyone: Consistent and Controllable Image-to-Video Synthesis for Character Animation": (
            "2023-11", A + "2311.17117", {"homepage": "https://humanaigc.github.io/animate-anyone/"}),
        # LaTeX math in a title reads as a reader sees it
        "PixArt-\u03b1: Fast Training of Diffusion Transformer for Photorealistic Text-to-Image Synthesis": (
            "2023-10", A + "2310.00426", {"code": "https://github.com/PixArt-alpha/PixArt-alpha", "homepage": "https://pixart-alpha.github.io/"}),
        "Scalable Diffusion Models with Transformers": ("2022-12", A + "2212.09748", {"code": "https://github.com/facebookresearch/DiT", "homepage": "https://www.wpeebles.com/DiT"}),
        "Scaling Rectified Flow Transformers for High-Resolution Image Synthesis": ("2024-03", A + "2403.03206", {}),
        "Latent Consistency Models: Synthesizing High-Resolution Images with Few-Step Inference": (
            "2023-10", A + "2310.04378", {"code": "https://github.com/luosiallen/latent-consistency-model", "homepage": "https://latent-consistency-models.github.io/"}),
        "Adversarial Diffusion Distillation": ("2023-11", A + "2311.17042", {}),
        "IP-Adapter: Text Compatible Image Prompt Adapter for Text-to-Image Diffusion Models": (
            "2023-08", A + "2308.06721", {"code": "https://github.com/tencent-ailab/IP-Adapter", "homepage": "https://ip-adapter.github.io/"}),
        "T2I-Adapter: Learning Adapters to Dig out More Controllable Ability for Text-to-Image Diffusion Models": (
            "2023-02", A + "2302.08453", {"code": "https://github.com/TencentARC/T2I-Adapter"}),
        "Prompt-to-Prompt Image Editing with Cross Attention Control": (
            "2022-08", A + "2208.01626", {"code": "https://github.com/google/prompt-to-prompt", "homepage": "https://prompt-to-prompt.github.io/"}),
        "InstructPix2Pix: Learning to Follow Image Editing Instructions": (
            "2022-11", A + "2211.09800", {"code": "https://github.com/timothybrooks/instruct-pix2pix", "homepage": "https://www.timothybrooks.com/instruct-pix2pix"}),
        "Null-text Inversion for Editing Real Images using Guided Diffusion Models": ("2022-11", A + "2211.09794", {"homepage": "https://null-text-inversion.github.io/"}),
        "Imagic: Text-Based Real Image Editing with Diffusion Models": ("2022-10", A + "2210.09276", {"homepage": "https://imagic-editing.github.io/"}),
        "SDEdit: Guided Image Synthesis and Editing with Stochastic Differential Equations": (
            "2021-08", A + "2108.01073", {"code": "https://github.com/ermongroup/SDEdit", "homepage": "https://sde-image-editing.github.io/"}),
        "DragDiffusion: Harnessing Diffusion Models for Interactive Point-based Image Editing": ("2023-06", A + "2306.14435", {"code": "https://github.com/Yujun-Shi/DragDiffusion"}),
        "Video Diffusion Models": ("2022-04", A + "2204.03458", {"homepage": "https://video-diffusion.github.io/"}),
        "Align your Latents: High-Resolution Video Synthesis with Latent Diffusion Models": (
            "2023-04", A + "2304.08818", {"homepage": "https://research.nvidia.com/labs/toronto-ai/VideoLDM/"}),
        "AnimateDiff: Animate Your Personalized Text-to-Image Diffusion Models without Specific Tuning": (
            "2023-07", A + "2307.04725", {"code": "https://github.com/guoyww/AnimateDiff", "homepage": "https://animatediff.github.io/"}),
        "Tune-A-Video: One-Shot Tuning of Image Diffusion Models for Text-to-Video Generation": ("2022-12", A + "2212.11565", {"code": "https://github.com/showlab/Tune-A-Video"}),
        "Training data-efficient image transformers & distillation through attention": ("2020-12", A + "2012.12877", {"code": "https://github.com/facebookresearch/deit"}),
        "U-Net: Convolutional Networks for Biomedical Image Segmentation": ("2015-05", A + "1505.04597", {}),
        "Denoising Diffusion Probabilistic Models": ("2020-06", A + "2006.11239", {"code": "https://github.com/hojonathanho/diffusion"}),
    },
}
#: list -> title -> the short name the list gives (a Model/Method cell, or the name a survey's body gives a number)
NAMES = {
    "model-timeline": {
        "Attention Is All You Need": "Transformer", "Improving Language Understanding by Generative Pre-Training": "GPT-1",
        "Language Models are Few-Shot Learners": "GPT-3", "The Llama 3 Herd of Models": "Llama 3.1",
        "Evaluating Large Language Models Trained on Code": "Codex",
    },
    "leaderboard": {"End-to-End Object Detection with Transformers": "DETR", "DETRs with Collaborative Hybrid Assignments Training": "Co-DETR"},
    "survey-references": {"Visual Instruction Tuning": "LLaVA", "Evaluating Object Hallucination in Large Vision-Language Models": "POPE"},
}
#: list -> title -> (BibTeX author field or "" when not checked, a venue as generated or "")
AUTHORS = {
    "paragraph-cards": {
        "NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis": (
            "Ben Mildenhall and Pratul P. Srinivasan and Matthew Tancik and Jonathan T. Barron and Ravi Ramamoorthi and Ren Ng", "ECCV 2020"),
        "Instant Neural Graphics Primitives with a Multiresolution Hash Encoding": (
            "Thomas M\u00fcller and Alex Evans and Christoph Schied and Alexander Keller", "SIGGRAPH 2022"),
        "SuGaR: Surface-Aligned Gaussian Splatting for Efficient 3D Mesh Reconstruction and High-Quality Mesh Rendering": (
            "Antoine Gu\u00e9don and Vincent Lepetit", "CVPR 2024"),
        "Mip-Splatting: Alias-free 3D Gaussian Splatting": ("Zehao Yu and Anpei Chen and Binbin Huang and Torsten Sattler and Andreas Geiger", "CVPR 2024"),
        "Gaussian Splatting SLAM": ("Hidenobu Matsuki and Riku Murai and Paul H. J. Kelly and Andrew J. Davison", "CVPR 2024"),
        "DreamFusion: Text-to-3D using 2D Diffusion": ("Ben Poole and Ajay Jain and Jonathan T. Barron and Ben Mildenhall", "ICLR 2023"),
    },
    "survey-references": {
        "Visual Instruction Tuning": ("H. Liu and C. Li and Q. Wu and Y. J. Lee", "NeurIPS 2023"),
        "Learning Transferable Visual Models From Natural Language Supervision": (
            "A. Radford and J. W. Kim and C. Hallacy and A. Ramesh and G. Goh and S. Agarwal and G. Sastry and A. Askell and P. Mishkin "
            "and J. Clark and G. Krueger and I. Sutskever", "ICML 2021"),
        "BLIP: Bootstrapping Language-Image Pre-training for Unified Vision-Language Understanding and Generation": (
            "J. Li and D. Li and C. Xiong and S. Hoi", "ICML 2022"),
        "Evaluating Object Hallucination in Large Vision-Language Models": (
            "Y. Li and Y. Du and K. Zhou and J. Wang and W. X. Zhao and J.-R. Wen", "EMNLP 2023"),
        # its BibTeX block names the authors in full, as its reference line does not
        "A Survey on Multimodal Large Language Models": ("Yin, Shukang and Fu, Chaoyou and Zhao, Sirui and Li, Ke and Sun, Xing and Xu, Tong and Chen, Enhong", ""),
    },
    "leaderboard": {
        "DINO: DETR with Improved DeNoising Anchor Boxes for End-to-End Object Detection": ("", "ICLR 2023"),
        "End-to-End Object Detection with Transformers": ("", "ECCV 2020"),
        "Swin Transformer: Hierarchical Vision Transformer using Shifted Windows": ("", "ICCV 2021"),
    },
    "nested-notes": {
        "Deep Reinforcement Learning with Double Q-learning": ("", "AAAI 2016"),
        "Mastering Atari, Go, Chess and Shogi by Planning with a Learned Model": ("", "Nature 2020"),
        "Conservative Q-Learning for Offline Reinforcement Learning": ("", "NeurIPS 2020"),
    },
    "mixed-gallery": {
        "High-Resolution Image Synthesis with Latent Diffusion Models": ("", "CVPR 2022"),
        "PixArt-\u03b1: Fast Training of Diffusion Transformer for Photorealistic Text-to-Image Synthesis": ("", "ICLR 2024"),
        "Training data-efficient image transformers & distillation through attention": ("", "ICML 2021"),
        "U-Net: Convolutional Networks for Biomedical Image Segmentation": ("", "MICCAI 2015"),
    },
}
#: list -> links of blogs, tools, leaderboards, datasets, courses and weights: never a paper's own link
NOT_PAPERS = {
    "model-timeline": [
        "https://openai.com/blog/chatgpt", "https://crfm.stanford.edu/2023/03/13/alpaca.html", "https://lmsys.org/blog/2023-03-30-vicuna/",
        "https://huggingface.co/tiiuae/falcon-40b", "https://ai.meta.com/blog/meta-llama-3/", "https://mistral.ai/news/codestral/",
        "https://huggingface.co/mistralai/Codestral-22B-v0.1", "https://github.com/tatsu-lab/stanford_alpaca", "https://github.com/meta-llama/llama3",
        "https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard", "https://lmarena.ai/", "https://github.com/vllm-project/vllm",
        "https://github.com/ggerganov/llama.cpp", "https://jalammar.github.io/illustrated-transformer/",
    ],
    "leaderboard": [
        "https://paperswithcode.com/sota/image-classification-on-imagenet", "https://github.com/huggingface/pytorch-image-models/tree/main/results",
        "https://cocodataset.org/#detection-leaderboard", "https://github.com/open-mmlab/mmdetection/blob/main/docs/en/model_zoo.md",
        "https://www.image-net.org/download.php",
    ],
    "paragraph-cards": [
        "https://github.com/nerfstudio-project/gsplat", "https://playcanvas.com/supersplat/editor", "https://colmap.github.io/",
        "https://www.tanksandtemples.org/", "http://visual.cs.ucl.ac.uk/pubs/deepblending/",
        "https://towardsdatascience.com/a-comprehensive-overview-of-gaussian-splatting-e7d570081362", "https://huggingface.co/blog/gaussian-splatting",
        "https://github.com/awesome-NeRF/awesome-NeRF",
    ],
    "nested-notes": [
        "https://www.fcodelabs.com/blogs/sum-tree-data-structure", "https://iclr-blog-track.github.io/2022/03/25/ppo-implementation-details/",
        "https://github.com/vwxyzjn/cleanrl", "https://github.com/DLR-RM/stable-baselines3", "https://github.com/Farama-Foundation/Gymnasium",
        "https://www.davidsilver.uk/teaching/", "https://rail.eecs.berkeley.edu/deeprlcourse/", "https://spinningup.openai.com/",
    ],
    "survey-references": [
        "https://huggingface.co/datasets/liuhaotian/LLaVA-Instruct-150K", "https://huggingface.co/datasets/Lin-Chen/ShareGPT4V",
        "https://huggingface.co/liuhaotian/llava-v1.5-13b", "https://github.com/open-compass/VLMEvalKit",
    ],
    "mixed-gallery": [
        "https://github.com/huggingface/diffusers", "https://github.com/comfyanonymous/ComfyUI",
        "https://huggingface.co/stable-diffusion-v1-5/stable-diffusion-v1-5", "https://laion.ai/blog/laion-5b/",
        "https://lilianweng.github.io/posts/2021-07-11-diffusion-models/", "https://huggingface.co/stabilityai/sdxl-turbo",
        "https://huggingface.co/stabilityai/stable-video-diffusion-img2vid-xt",
    ],
}
#: list -> title -> words of the notes under the paper, which stay on its page (never a paper, a title or a name)
NOTES = {
    "nested-notes": {
        "Playing Atari with Deep Reinforcement Learning": ["experience replay and a target network", "the paper that started deep RL"],
        "Prioritized Experience Replay": ["in proportion to their TD error"],
        "Proximal Policy Optimization Algorithms": ["clipped first-order objective"],
        "Continuous control with deep reinforcement learning": ["DDPG"],
        "Mastering Diverse Domains through World Models": ["this is DreamerV3"],
        "Off-Policy Deep Reinforcement Learning without Exploration": ["extrapolation error"],
        "Decision Transformer: Reinforcement Learning via Sequence Modeling": ["return-to-go"],
    },
}


def test_six_blind_lists() -> None:
    assert {path.stem for path in LISTS} == set(COUNTS) == set(EXPECTED)
    assert all(len(EXPECTED[name]) == count for name, count in COUNTS.items())


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_every_paper_its_own_dated_page(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_every_paper_its_own_dated_page(shelves[name], COUNTS[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_titles_dates_and_links(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert set(by_title(shelves[name])) == set(EXPECTED[name])
    assert_titles_dates_and_links(shelves[name], EXPECTED[name])


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_one_page_per_paper_link(shelves: dict[str, dict[str, object]], name: str) -> None:
    """A paper in several rows (one per model size) or named twice (a survey's "LLaVA" and "Visual Instruction
    Tuning") is one page."""
    seen: dict[str, str] = {}
    for title, page in by_title(shelves[name]).items():
        for url in links_of(page):
            assert url not in seen, (url, seen.get(url), title)
            seen[url] = title


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_titles_and_names_a_reader_accepts(shelves: dict[str, dict[str, object]], name: str) -> None:
    for title, page in by_title(shelves[name]).items():
        assert not re.search(r"\((?:[A-Za-z]+\s*)?(?:19|20)\d{2}\)$|\[\d+\]|\[\[|\]\]|<|\$|\\|\*|`|&amp;|[\U0001f31f\U0001f525\u2697]|^\d+[.)]", title), title
        assert not is_label(title) and clean_title(title).text == title, title
        short = str(page["short_name"])
        assert not re.search(r"\((?:\d{4}(?:\s+\d+)?|\d+)\)\s*$|^\d+[.)]|^-$|<br>|^\[\d+\]", short), (title, short)
        assert not VENUE_YEAR.match(short), (title, short)
    for title, short in NAMES.get(name, {}).items():
        assert by_title(shelves[name])[title]["short_name"] == short


@pytest.mark.parametrize("name", sorted(AUTHORS))
def test_authors_and_venue_reach_the_generated_entry(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_generated_entries(shelves[name], AUTHORS[name])


@pytest.mark.parametrize("name", sorted(NOT_PAPERS))
def test_blogs_tools_datasets_and_weights_are_not_papers(shelves: dict[str, dict[str, object]], name: str) -> None:
    paper_links = {url for page in by_title(shelves[name]).values() for url in links_of(page)}
    assert not paper_links & set(NOT_PAPERS[name]), sorted(paper_links & set(NOT_PAPERS[name]))


@pytest.mark.parametrize("name", sorted(NOTES))
def test_notes_under_a_paper_stay_its_notes(shelves: dict[str, dict[str, object]], name: str) -> None:
    root = shelves[name]["root"]
    assert isinstance(root, Path)
    stems = {str(page["title"]): stem for stem, page in paper_pages(root).items()}
    for title, words in NOTES[name].items():
        text = (root / "docs" / "papers" / f"{stems[title]}.md").read_text(encoding="utf-8")
        assert all(word in text for word in words), (title, words, text)


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_no_importer_warning_a_clean_build_idempotent_and_round_trip(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_clean_import(shelves[name])
    assert_round_trip_keeps_links(shelves[name])


SURVEY = (
    "## 1. Methods\n\n- **OwlNet** [1] \u2014 a net for owls; HeronNet [2] \u2014 its follow-up\n- Evaluation: BirdBench [3]\n"
    "- Night Vision for Owls from Above [1]\n\n"
    "| Data | Ref. |\n|---|---|\n| FishSet | [4] |\n\n"
    "## References\n\n"
    "[1] A. Owl, B. Heron. Owls Hunt at Night with Nets. In ICLR, 2023. [[link](https://arxiv.org/abs/2301.00001)]\n\n"
    "[2] J.-B. Heron, C. Crow. Herons Wait Patiently in Water. arXiv preprint arXiv:2301.00002, 2023. [[link](https://arxiv.org/abs/2301.00002)]\n\n"
    "[3] D. Crow, E. Finch, et al. A Benchmark of Birds for Everyone? In NeurIPS, 2023. [[link](https://arxiv.org/abs/2301.00003)]\n\n"
    "[4] F. Fish, G. Gull. Fish Seen from the Sky. In CVPR, 2024. [[link](https://arxiv.org/abs/2301.00004)]\n"
)


def test_a_surveys_references_are_its_papers_and_its_body_names_them() -> None:
    from papershelf.formats.lists import awesome

    parsed = awesome.parse_awesome(SURVEY, "x.md")
    got = {item.title: (item.name, item.authors, item.venue, item.section, item.paper_url[-5:]) for item in parsed.items}
    assert got == {
        "Owls Hunt at Night with Nets": ("OwlNet", "A. Owl and B. Heron", "ICLR 2023", "Methods", "00001"),
        "Herons Wait Patiently in Water": ("HeronNet", "J.-B. Heron and C. Crow", "arXiv preprint 2023", "Methods", "00002"),
        "A Benchmark of Birds for Everyone?": ("BirdBench", "D. Crow and E. Finch and others", "NeurIPS 2023", "Methods", "00003"),
        "Fish Seen from the Sky": ("FishSet", "F. Fish and G. Gull", "CVPR 2024", "References", "00004"),  # a table row cites it: its name, no topic
    }
    assert not parsed.resources  # the bullets that only cite numbers are about those papers
    # two numbered rows are no survey's references: "[1]" in a list of two names nothing
    few = "- OwlNet [1]\n\n[1] A. Owl, B. Heron. Owls Hunt at Night with Nets. In ICLR, 2023. [[link](https://arxiv.org/abs/2301.00001)]\n"
    assert [item.name for item in awesome.parse_awesome(few, "x.md").items] == [""]


def test_titles_around_code_bold_names_brackets_and_figures() -> None:
    from papershelf.formats.lists import awesome

    said = (
        "| Title | Venue | Links | Code |\n|---|---|---|---|\n"
        "| `Owl-Adapter`: Adapting Owls to Night | ICLR 2024 | [paper](https://arxiv.org/abs/2301.00001) | [\U0001f917 owl](https://huggingface.co/owl/owl-7b) |\n"
        "| **HeronPix**: Learning to Follow Herons | CVPR 2023 | [paper](https://arxiv.org/abs/2301.00002)<br>[code](https://github.com/x/y) | - |\n"
        "| `CVPR 2024` Fish from Above | - | [paper](https://arxiv.org/abs/2301.00003) | - |\n\n"
        "## More\n\n* Crows Count to Five ([pdf](https://arxiv.org/pdf/2301.00004), [code](https://github.com/x/crow))\n\n"
        '<table><tr><td><a href="https://arxiv.org/abs/2301.00005"><img src="a.png"></a><br>'
        '<a href="https://arxiv.org/abs/2301.00005"><b>Gulls at Sea and on Land</b></a><br><em>ICCV 2023</em></td></tr></table>\n'
    )
    got = {item.title: (item.venue, [(link.kind, link.url.split("/", 3)[-1]) for link in item.links]) for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {
        "Owl-Adapter: Adapting Owls to Night": ("ICLR 2024", [("paper", "abs/2301.00001"), ("model_zoo", "owl/owl-7b")]),
        "HeronPix: Learning to Follow Herons": ("CVPR 2023", [("paper", "abs/2301.00002"), ("code", "x/y")]),
        "Fish from Above": ("CVPR 2024", [("paper", "abs/2301.00003")]),
        "Crows Count to Five": ("", [("paper", "pdf/2301.00004"), ("code", "x/crow")]),
        "Gulls at Sea and on Land": ("ICCV 2023", [("paper", "abs/2301.00005")]),  # the figure's link and the title's: one link
    }


def test_a_paper_in_two_tables_keeps_the_venue_the_second_gives() -> None:
    from papershelf.commands.importer import merge_duplicates
    from papershelf.formats.lists import awesome

    said = ("| Model | Paper |\n|---|---|\n| Owl-L | [Owls Hunt at Night](https://arxiv.org/abs/2301.00001) |\n\n"
            "| Method | Venue | Paper |\n|---|---|---|\n| Owl-L (big) | ICCV 2023 | [Owls Hunt at Night](https://arxiv.org/abs/2301.00001) |\n")
    [item] = merge_duplicates(awesome.parse_awesome(said, "x.md").items, "x.md")
    assert (item.title, item.venue) == ("Owls Hunt at Night", "ICCV 2023")


def test_the_new_rules_stay_linear_on_a_hostile_line() -> None:
    """A 200 KB line against each new rule: references read, citations named and titles cleaned in linear time."""
    import time

    from papershelf.formats.lists import awesome
    from papershelf.formats.lists.awesome.inline import HF_MODEL
    from papershelf.formats.lists.fields import (
        IEEE,
        IEEE_TAIL,
        REFERENCE_TAIL,
        SENTENCE_END,
        clean_title,
        reference_line,
    )

    hostile = [
        "- " + "Ab " * 70_000 + "[1]",  # a clause before a citation
        "x [" * 70_000 + "[1]",  # Markdown links that never close
        "- " + "(" * 200_000,  # separators only
        "[1] " + "A. " * 70_000 + "Title. In ICLR, 2023. [[link](https://arxiv.org/abs/2301.00009)]",  # initials without end
        "* " + "a " * 100_000 + "([pdf](https://arxiv.org/abs/2301.00008))",  # a bracket before the links
        "| `" + "a`b`" * 50_000 + " | [paper](https://arxiv.org/abs/2301.00007) |",  # code spans in a cell
        "[2] " + "A. Owl, " * 25_000 + '"' + "Title " * 10_000 + '," in Proc. ICLR, 2023. [[link](https://arxiv.org/abs/2301.00006)]',  # IEEE
        "**Owls**  " + "\nAnn Owl  " * 20_000 + "\n[Paper](https://arxiv.org/abs/2301.00005)",  # a card of many lines
    ]
    started = time.monotonic()
    parsed = awesome.parse_awesome(SURVEY + "\n" + "\n\n".join(hostile) + "\n", "x.md")
    assert HF_MODEL.match("https://huggingface.co/" + "a-" * 100_000 + "/") is None
    assert REFERENCE_TAIL.match("In " + "a " * 100_000 + "2023.") is None
    assert len(list(SENTENCE_END.finditer("J.-B. " * 40_000))) == 0
    assert clean_title("Owls (" + " (" * 100_000).text.startswith("Owls")
    assert IEEE.match("A. Owl, \"" + "a, " * 70_000) is None and IEEE.match("a, " * 70_000) is None
    assert IEEE_TAIL.match("in Proc. " + "a " * 100_000) is None and reference_line('A. Owl, "' + "a " * 100_000 + '," in ICLR, 2023.') is None
    assert time.monotonic() - started < 20
    assert {"Owls Hunt at Night with Nets", "Herons Wait Patiently in Water"} <= {item.title for item in parsed.items}
    assert next(item for item in parsed.items if item.title == "Owls Hunt at Night with Nets").name == "OwlNet"


def test_references_as_ieee_and_numbered_lists_write_them() -> None:
    from papershelf.formats.lists import awesome

    said = (
        "## Methods\n\n- **OwlNet** [1] and HeronNet [2], two nets\n- Benchmarks: BirdBench [3]\n\n## References\n\n"
        "1. A. Owl, B. Heron. Owls Hunt at Night with Nets. In ICLR, 2023. [[link](https://arxiv.org/abs/2301.00001)]\n"
        "2. J.-B. Heron, C. Crow. Herons Wait Patiently in Water. arXiv preprint arXiv:2301.00002, 2023. [[link](https://arxiv.org/abs/2301.00002)]\n"
        '3. D. Crow, E. Finch, and G. Gull, "A benchmark of birds for everyone," in Proc. NeurIPS, 2023, pp. 1\u201310. [Online]. '
        "Available: https://arxiv.org/abs/2301.00003\n\n"
        '[4] Owl, A., & Heron, B. (2024). Fish seen from the sky. arXiv preprint arXiv:2301.00004. [link](https://arxiv.org/abs/2301.00004)\n'
    )
    got = {item.title: (item.name, item.authors, item.venue, item.facts) for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {
        "Owls Hunt at Night with Nets": ("OwlNet", "A. Owl and B. Heron", "ICLR 2023", [("Venue", "ICLR 2023")]),
        "Herons Wait Patiently in Water": ("HeronNet", "J.-B. Heron and C. Crow", "arXiv preprint 2023", [("Venue", "arXiv preprint 2023")]),
        "A benchmark of birds for everyone": ("BirdBench", "D. Crow and E. Finch and G. Gull", "NeurIPS 2023", [("Venue", "NeurIPS 2023")]),
        "Fish seen from the sky": ("", "Owl, A. and Heron, B.", "arXiv preprint 2024", [("Venue", "arXiv preprint 2024")]),
    }


def test_a_card_broken_into_lines_by_spaces_or_a_backslash() -> None:
    from papershelf.formats.lists import awesome

    said = ("**Owls Hunt at Night with Nets**  \nAnn Owl, Ben Heron, Cy Crow  \nECCV 2020  \n[Paper](https://arxiv.org/abs/2301.00001)\n\n"
            "**Herons Wait Patiently in Water**\\\nDee Heron, Eve Crow\\\nICCV 2021\\\n[Paper](https://arxiv.org/abs/2301.00002)\n\n"
            "**Crows Count to Five**\nFay Crow, Gus Finch\nCVPR 2022\n[Paper](https://arxiv.org/abs/2301.00003)\n")
    got = {item.title: (item.authors, item.venue) for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {"Owls Hunt at Night with Nets": ("Ann Owl and Ben Heron and Cy Crow", "ECCV 2020"),
                   "Herons Wait Patiently in Water": ("Dee Heron and Eve Crow", "ICCV 2021"),
                   "Crows Count to Five": ("Fay Crow and Gus Finch", "CVPR 2022")}


def test_a_leaderboard_whose_paper_cells_are_venue_labels() -> None:
    """"| ViT-H/14 | [ICLR'21](openreview…) |" rows: the label dates the paper, rows linking one paper are one page,
    and a "Paper / Blog" header is the title column."""
    from papershelf.commands.importer import merge_duplicates
    from papershelf.formats.lists import awesome

    said = ("| Rank | Method | Acc | Paper | Code |\n|---|---|---|---|---|\n"
            "| 1 | Owl-H/14 | 88.5 | [ICLR'21](https://openreview.net/forum?id=Owl1) | [code](https://github.com/x/owl) |\n"
            "| 2 | Owl-L/16 | 87.7 | [ICLR'21](https://openreview.net/forum?id=Owl1) | - |\n"
            "| 3 | Heron-50 | 76.1 | [CVPR'16](https://openaccess.thecvf.com/content_cvpr_2016/html/Heron_CVPR_2016_paper.html) | - |\n\n"
            "| Release | Name | Paper / Blog |\n|---|---|---|\n| Mar 2023 | Crow-4 | [Crow-4 Technical Report](https://arxiv.org/abs/2303.08774) |\n")
    items = merge_duplicates(awesome.parse_awesome(said, "x.md").items, "x.md")
    assert [(item.title, item.name, item.venue, item.date, item.aliases) for item in items] == [
        ("Owl-H/14", "", "ICLR 2021", "2021", ["Owl-L/16"]), ("Heron-50", "", "CVPR 2016", "2016", []),
        ("Crow-4 Technical Report", "Crow-4", "", "2023-03", [])]


def test_notes_beside_a_related_paper_and_authors_after_a_title() -> None:
    from papershelf.formats.lists import awesome

    said = ("- Trust regions\n  - **OwlPO**: Owl Policy Optimization, ICML 2015 [[paper](https://arxiv.org/abs/1502.05477)]\n"
            "    - Key idea: a KL constraint.\n    - Related: [Natural Owl Gradient](https://papers.nips.cc/paper/2073-a-natural-owl-gradient)\n"
            "  - Proximal Owl Optimization Algorithms (Schulman et al., 2017) [arXiv](https://arxiv.org/abs/1707.06347)\n"
            "  - Soft Owl-Critic: Off-Policy Owls with a Stochastic Actor. *Ann Owl, Ben Heron*. ICML 2018. [[pdf](https://arxiv.org/pdf/1801.01290)]\n")
    parsed = awesome.parse_awesome(said, "x.md")
    got = {item.title: (item.authors, item.date, [line for line in item.body if line]) for item in parsed.items}
    assert got == {
        "OwlPO: Owl Policy Optimization": ("", "2015", ["- Key idea: a KL constraint."]),
        "Natural Owl Gradient": ("", "", []),
        "Proximal Owl Optimization Algorithms": ("Schulman and others", "2017", []),
        "Soft Owl-Critic: Off-Policy Owls with a Stochastic Actor": ("Ann Owl and Ben Heron", "2018", []),
    }
    assert not parsed.resources


def test_citations_that_link_their_reference_and_links_labelled_by_an_emoji() -> None:
    from papershelf.formats.lists import awesome

    said = ("- OwlNet [[1]](#ref1), a net; HeronNet [2](#ref2)\n- CrowNet <sup>[3](#ref3)</sup>\n\n## References\n\n"
            '<a id="ref1"></a>[1] A. Owl, B. Heron. Owls Hunt at Night with Nets. In ICLR, 2023. [[link](https://arxiv.org/abs/2301.00001)]\n\n'
            '<a name="ref2"></a>[2] C. Heron, D. Crow. Herons Wait Patiently in Water. In ICML, 2023. [[link](https://arxiv.org/abs/2301.00002)]\n\n'
            '<span id="ref3">[3]</span> E. Crow, F. Finch. Crows Count to Five and More. In CVPR, 2023. [[link](https://arxiv.org/abs/2301.00003)]\n\n'
            "| Paper | Links |\n|---|---|\n| Gulls at Sea and on Land | [\U0001f4c4](https://arxiv.org/abs/2301.00004)<br>[\U0001f4bb](https://github.com/x/gull)<br>"
            "[\U0001f310](https://gull.github.io) |\n")
    got = {item.title: (item.name, [link.kind for link in item.links]) for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {"Owls Hunt at Night with Nets": ("OwlNet", ["paper"]), "Herons Wait Patiently in Water": ("HeronNet", ["paper"]),
                   "Crows Count to Five and More": ("CrowNet", ["paper"]), "Gulls at Sea and on Land": ("", ["paper", "code", "homepage"])}


def test_a_card_in_html_and_notes_beside_a_numbered_paper() -> None:
    from papershelf.formats.lists import awesome

    said = ("## Cards\n\n<p><b>Herons Wait Patiently in Water</b><br>Cy Heron, Dee Crow<br>ICCV 2021<br>"
            '<a href="https://arxiv.org/abs/2301.00002">Paper</a> | <a href="https://github.com/x/heron">Code</a></p>\n\n'
            '<p align="center"><img src="owl.png"><br><sub>Figure 1. Owls, from the <a href="https://arxiv.org/abs/2301.00009">paper</a>.</sub></p>\n\n'
            "## Nested\n\n- Topic A\n  - 1) [Crows Count to Five](https://arxiv.org/abs/2301.00003), NeurIPS 2022\n    - TL;DR: crows count.\n")
    parsed = awesome.parse_awesome(said, "x.md")
    got = {item.title: (item.authors, item.venue, [link.kind for link in item.links], [line for line in item.body if line]) for item in parsed.items}
    assert got == {"Herons Wait Patiently in Water": ("Cy Heron and Dee Crow", "ICCV 2021", ["paper", "code"], []),
                   "Crows Count to Five": ("", "NeurIPS 2022", ["paper"], ["- TL;DR: crows count."])}
    assert not parsed.resources
    from papershelf.formats.lists.awesome.bullets import BOLD_LINE

    assert BOLD_LINE.fullmatch("**[" + "a" * 200_000 + "](" + "b" * 200_000) is None


def test_an_arxiv_id_written_in_a_reference_beside_its_link() -> None:
    """"arXiv preprint arXiv:2301.00002, 2023. [[link](…)]": the id is the reference's words when a paper link stands
    beside it; alone (or beside a code link) it is the paper's address."""
    from papershelf.formats.lists import awesome

    said = ("- [1] C. Heron, D. Crow. Herons Wait Patiently in Water. arXiv preprint arXiv:2301.00002, 2023. [[link](https://arxiv.org/abs/2301.00002)]\n"
            "- Owls Hunt at Night with Nets. Owl, Ann, and Ben Heron. arXiv:2301.00001 [[code]](https://github.com/x/owl)\n")
    got = [(item.title, item.venue, [(link.kind, link.url) for link in item.links]) for item in awesome.parse_awesome(said, "x.md").items]
    assert got == [("Herons Wait Patiently in Water", "arXiv preprint 2023", [("paper", "https://arxiv.org/abs/2301.00002")]),
                   ("Owls Hunt at Night with Nets", "", [("paper", "https://arxiv.org/abs/2301.00001"), ("code", "https://github.com/x/owl")])]
